// Device networks as data: the Open vSwitch fixture libvirt itself wrote, build
// and parse as inverses, the lists' text, and each refusal on its field.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildNetworkXml, forwardingLabel, parseNetworkXml, validateSpec, validateWizard, wizardToSpec, type BridgeNetwork, type HostFacts, type NetworkSpec, type WizardValues } from "@/lib/domain/network";
import { facts, wizardValues } from "./helpers";

const dump = (f: string) => readFileSync(path.join(__dirname, "../../fixtures/libvirt/dumpxml", f), "utf8");

const ovsFacts = (over: Partial<HostFacts> = {}) =>
  facts({
    interfaces: ["lo", "eth0", "eth1", "eth2", "virbr0", "br0", "ovsbr0"],
    ovsBridges: ["ovsbr0"],
    bridgePorts: [{ ifname: "eth1", master: "br0" }, { ifname: "ovs-lan", master: "ovsbr0" }],
    sshUplink: "eth0",
    sriov: [],
    ...over,
  });

const ovsSpec = (): BridgeNetwork => ({
  name: "sy-test-model-ovs",
  mode: "bridge",
  hostBridge: "ovsbr0",
  virtualport: "openvswitch",
  portgroups: [
    { name: "vlan10", default: true, vlan: { tags: [10] } },
    { name: "vlan20", vlan: { tags: [20] } },
    { name: "trunk", vlan: { trunk: true, tags: [10, 20] } },
  ],
});

describe("Open vSwitch with portgroups, as libvirt 9.0 wrote it", () => {
  it.each(["sy-test-model-ovs.live.xml", "sy-test-model-ovs.inactive.xml"])("%s parses to the spec, with nothing unread, and rebuilds to itself", (f) => {
    const r = parseNetworkXml(dump(f));
    if (!r.ok) throw new Error(r.error);
    expect(r.unmodeled).toEqual([]);
    expect(r.spec).toEqual({ ...ovsSpec(), uuid: "b10a56fe-bb66-4579-b8e2-126e4af6e238" });
    expect(parseNetworkXml(buildNetworkXml(r.spec))).toEqual({ ok: true, spec: r.spec, unmodeled: [], status: {} });
  });

  it("builds the elements libvirt reads, in its order", () => {
    const xml = buildNetworkXml(ovsSpec());
    expect(xml.indexOf('<bridge name="ovsbr0"/>')).toBeLessThan(xml.indexOf('<virtualport type="openvswitch"/>'));
    expect(xml).toContain('<vlan trunk="yes">');
    expect(xml).not.toMatch(/<ip|<dns|<domain/);
  });

  it("refuses a virtualport it does not model rather than drop it", () => {
    const xml = dump("sy-test-model-ovs.inactive.xml").replace("type='openvswitch'", "type='802.1Qbh'");
    expect(parseNetworkXml(xml)).toEqual({ ok: false, error: "/network/virtualport/@type: only 'openvswitch' is supported, found '802.1Qbh'" });
  });
});

describe("what lists say a device network is", () => {
  it.each<[NetworkSpec, string]>([
    [{ name: "a", mode: "bridge", hostBridge: "br0" }, "Bridge br0"],
    [ovsSpec(), "Open vSwitch ovsbr0, 3 portgroups"],
    [{ name: "a", mode: "bridge", hostBridge: "ovsbr0", virtualport: "openvswitch" }, "Open vSwitch ovsbr0"],
    [{ name: "a", mode: "macvtap", macvtapMode: "bridge", interfaces: ["eth3"] }, "Macvtap (bridge) on eth3"],
    [{ name: "a", mode: "hostdev", pf: "eth4", managed: true }, "SR-IOV pool on eth4"],
  ])("%j → %s", (spec, text) => expect(forwardingLabel(spec)).toBe(text));
});

describe("device network refusals in the spec schema", () => {
  it.each<[string, NetworkSpec, string, string]>([
    ["a bridge that does not exist", { name: "n", mode: "bridge", hostBridge: "br9" }, "hostBridge", "There is no bridge 'br9' on this host."],
    ["OVS on a Linux bridge", { name: "n", mode: "bridge", hostBridge: "br0", virtualport: "openvswitch" }, "hostBridge", "'br0' is a Linux bridge, not an Open vSwitch bridge."],
    ["an OVS bridge without virtualport", { name: "n", mode: "bridge", hostBridge: "ovsbr0" }, "hostBridge", "'ovsbr0' is an Open vSwitch bridge: guests need <virtualport type='openvswitch'/> to join it."],
    ["libvirt's own bridge", { name: "n", mode: "bridge", hostBridge: "virbr0" }, "hostBridge", "'virbr0' is the bridge libvirt made for network 'default'; choose a host bridge."],
    ["a VLAN tag out of range", { ...ovsSpec(), portgroups: [{ name: "v", vlan: { tags: [4095] } }] }, "portgroups.0.vlan.tags.0", "Use VLAN tags from 1 to 4094."],
    ["a portgroup name clash", { ...ovsSpec(), portgroups: [{ name: "v" }, { name: "v" }] }, "portgroups.1.name", "There is already a portgroup named 'v'."],
    ["two defaults", { ...ovsSpec(), portgroups: [{ name: "a", default: true }, { name: "b", default: true }] }, "portgroups.1.default", "Only one portgroup can be the default."],
    ["a VLAN on a Linux bridge", { name: "n", mode: "bridge", hostBridge: "br0", portgroups: [{ name: "a", vlan: { tags: [10] } }] }, "portgroups.0.vlan", "VLAN tags need an Open vSwitch bridge: libvirt refuses <vlan> on a Linux bridge network."],
    ["macvtap on a bridge port", { name: "n", mode: "macvtap", macvtapMode: "bridge", interfaces: ["eth1"] }, "interfaces.0", "'eth1' is a port of bridge 'br0': macvtap on a bridge port fails (EBUSY)."],
    ["macvtap on the SSH uplink", { name: "n", mode: "macvtap", macvtapMode: "passthrough", interfaces: ["eth0"] }, "interfaces.0", "'eth0' carries this console's SSH connection to the host."],
  ])("%s", (_, spec, key, message) => {
    expect(validateSpec(spec, { facts: ovsFacts() })).toMatchObject({ ok: false, fieldErrors: { [key]: message } });
  });

  it("accepts the fixture's network and a macvtap pool on a free NIC", () => {
    expect(validateSpec(ovsSpec(), { facts: ovsFacts() }).ok).toBe(true);
    expect(validateSpec({ name: "n", mode: "macvtap", macvtapMode: "bridge", interfaces: ["eth2"] }, { facts: ovsFacts() }).ok).toBe(true);
  });
});

const device = (over: Partial<WizardValues["device"]>, connection: WizardValues["connection"] = "bridge"): WizardValues => ({
  ...wizardValues(),
  // Address fields a device network never shows: invalid ones must not block it.
  ipv4: { ...wizardValues().ipv4, network: "nonsense" },
  connection,
  device: { ...wizardValues().device, ...over },
});

describe("the wizard's device page", () => {
  it("makes the OVS spec from its rows: tags parsed, the default marked, no addresses", () => {
    const v = device({ hostBridge: "ovsbr0", ovs: true, defaultPortgroup: "0", portgroups: [{ name: "vlan10", vlan: "10", trunk: false }, { name: "vlan20", vlan: "20", trunk: false }, { name: "trunk", vlan: "10, 20", trunk: true }] });
    expect(validateWizard(v, { facts: ovsFacts() })).toMatchObject({ ok: true });
    expect(wizardToSpec(v, { uuid: "b10a56fe-bb66-4579-b8e2-126e4af6e238" })).toEqual({ ...ovsSpec(), name: "net1", uuid: "b10a56fe-bb66-4579-b8e2-126e4af6e238" });
  });

  it.each<[string, WizardValues, string, string]>([
    ["no bridge chosen", device({}), "device.hostBridge", "Choose a host bridge."],
    ["a bridge gone since the page loaded", device({ hostBridge: "br9" }), "device.hostBridge", "There is no bridge 'br9' on this host."],
    ["a VLAN tag out of range", device({ hostBridge: "ovsbr0", ovs: true, portgroups: [{ name: "a", vlan: "5000", trunk: false }] }), "device.portgroups.0.vlan", "Use VLAN tags from 1 to 4094."],
    ["a VLAN that is not a number", device({ hostBridge: "ovsbr0", ovs: true, portgroups: [{ name: "a", vlan: "ten", trunk: false }] }), "device.portgroups.0.vlan", "Enter a VLAN tag such as 10, or for a trunk tags such as 10,20."],
    ["several tags without Trunk", device({ hostBridge: "ovsbr0", ovs: true, portgroups: [{ name: "a", vlan: "10,20", trunk: false }] }), "device.portgroups.0.vlan", "Several tags make a trunk: tick Trunk, or enter one tag."],
    ["a portgroup name clash", device({ hostBridge: "ovsbr0", ovs: true, portgroups: [{ name: "a", vlan: "", trunk: false }, { name: "a", vlan: "", trunk: false }] }), "device.portgroups.1.name", "There is already a portgroup named 'a'."],
    ["a NIC in use", device({ interfaces: ["eth1"] }, "macvtap"), "device.interfaces.0", "'eth1' is a port of bridge 'br0': macvtap on a bridge port fails (EBUSY)."],
    ["an empty pool", device({}, "macvtap"), "device.interfaces", "Choose at least one host interface."],
    ["SR-IOV on a host without VFs", device({}, "hostdev"), "device.pf", "No NIC on this host offers SR-IOV virtual functions (looked for /sys/class/net/*/device/sriov_totalvfs above 0)."],
    ["a PF without VFs", device({ pf: "eth2" }, "hostdev"), "device.pf", "'eth2' offers no SR-IOV virtual functions (its device has no sriov_totalvfs above 0)."],
  ])("%s", (_, v, key, message) => {
    expect(validateWizard(v, { facts: ovsFacts() })).toMatchObject({ ok: false, fieldErrors: { [key]: message } });
  });

  it("an SR-IOV pool on a NIC with VFs makes a managed hostdev network", () => {
    const v = device({ pf: "eth2" }, "hostdev");
    expect(validateWizard(v, { facts: ovsFacts({ sriov: [{ ifname: "eth2", totalVfs: 8 }] }) }).ok).toBe(true);
    expect(buildNetworkXml(wizardToSpec(v))).toBe(`<network>\n  <name>net1</name>\n  <forward mode="hostdev" managed="yes">\n    <pf dev="eth2"/>\n  </forward>\n</network>\n`);
  });
});
