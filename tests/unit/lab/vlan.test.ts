// The lab's probe reads a portgroup's <vlan> the way libvirt sets OVS port columns, and
// refuses --static values that are not IPv4 CIDRs.
import { describe, expect, it } from "vitest";
import { parseCidr, vlanOfPortgroupXml } from "@/lab/vlan";

const net = (vlan: string) =>
  `<network><name>ovs</name><forward mode='bridge'/><bridge name='ovsbr0'/><virtualport type='openvswitch'/>
   <portgroup name='pg'>${vlan}</portgroup><portgroup name='other'><vlan><tag id='99'/></vlan></portgroup></network>`;

describe("vlanOfPortgroupXml", () => {
  it("one tag is an access port", () => {
    expect(vlanOfPortgroupXml(net("<vlan><tag id='10'/></vlan>"), "pg")).toEqual({ tag: 10 });
  });
  it("several tags (or trunk='yes') are a trunk", () => {
    expect(vlanOfPortgroupXml(net("<vlan trunk='yes'><tag id='10'/><tag id='20'/></vlan>"), "pg")).toEqual({ trunks: [10, 20] });
    expect(vlanOfPortgroupXml(net("<vlan trunk='yes'><tag id='30'/></vlan>"), "pg")).toEqual({ trunks: [30] });
  });
  it("a native tag sets the VLAN mode and the native VLAN", () => {
    expect(vlanOfPortgroupXml(net("<vlan trunk='yes'><tag id='10' nativeMode='untagged'/><tag id='20'/></vlan>"), "pg")).toEqual({
      mode: "native-untagged",
      tag: 10,
      trunks: [10, 20],
    });
  });
  it("a portgroup without <vlan> is null, a missing one undefined", () => {
    expect(vlanOfPortgroupXml(net(""), "pg")).toBeNull();
    expect(vlanOfPortgroupXml(net(""), "nope")).toBeUndefined();
  });
  it("refuses an id that is not a VLAN", () => {
    expect(() => vlanOfPortgroupXml(net("<vlan><tag id='4096'/></vlan>"), "pg")).toThrow(/bad VLAN id/);
    expect(() => vlanOfPortgroupXml(net("<vlan><tag id='1; rm'/></vlan>"), "pg")).toThrow(/bad VLAN id/);
  });
});

describe("parseCidr", () => {
  it("takes an IPv4 address with a prefix", () => {
    expect(parseCidr("198.18.0.170/25")).toEqual({ ip: "198.18.0.170", prefix: 25 });
  });
  it.each(["198.18.0.170", "198.18.0.300/24", "198.18.0.1/33", "-oops/24", "198.18.0.1/24 extra"])("refuses %j", (bad) => {
    expect(() => parseCidr(bad)).toThrow(/--static needs an IPv4 address with a prefix/);
  });
});
