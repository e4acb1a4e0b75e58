import { describe, expect, it } from "vitest";
import { portableXml, recreateScript } from "@/lib/libvirt/export-script";
import { explainFailure } from "@/lib/changes/explain";

const XML = `<network>
  <name>&lt;img src=x onerror=alert(1)&gt;
rm -rf /</name>
  <uuid>11111111-2222-4333-8444-555555555555</uuid>
  <forward mode='nat'/>
  <bridge name='virbr7' stp='on' delay='0'/>
  <mac address='52:54:00:aa:bb:cc'/>
  <ip address='10.230.7.1' prefix='24'>
    <dhcp>
      <host mac='52:54:00:11:22:33' ip='10.230.7.5'/>
    </dhcp>
  </ip>
</network>
`;
const NEW = "99999999-8888-4777-8666-555555555555";

describe("export", () => {
  it("replaces the network's own uuid and drops its mac, keeping DHCP hosts' MACs", () => {
    const out = portableXml(XML, NEW);
    expect(out).toContain(`  <uuid>${NEW}</uuid>\n`);
    expect(out).not.toContain("11111111-2222");
    expect(out).not.toContain("52:54:00:aa:bb:cc");
    expect(out).toContain("host mac='52:54:00:11:22:33'");
  });

  it("writes a script that addresses the new network by UUID and keeps the name on one comment line", () => {
    const script = recreateScript({ name: "<img src=x onerror=alert(1)>\nrm -rf /", host: "hv-a", xml: XML, active: true, autostart: false }, new Date(0), NEW);
    const lines = script.split("\n");
    expect(lines[1]).toMatch(/^# Recreates the libvirt network "<img src=x onerror=alert\(1\)>\\nrm -rf \/"/);
    expect(lines.filter((l) => l.startsWith("rm -rf"))).toEqual(["rm -rf /</name>"]); // inside the quoted here-document only
    expect(script).toContain(`virsh -c qemu:///system net-start -- ${NEW}`);
    expect(script).not.toContain("net-autostart");
    const marker = /<<'(SWITCHYARD_NETWORK_XML_[0-9a-f]+)'/.exec(script)![1]!;
    expect(lines.filter((l) => l === marker)).toHaveLength(1);
  });
});

describe("plain explanations", () => {
  it.each([
    ["error: Failed to start network x\nerror: internal error: Network is already in use by interface eth1", /eth1/],
    ["error: operation failed: network 'x' already exists with uuid 1", /already exists/],
    ["error: Requested operation is not valid: network is not active", /not running/],
    ["something new", /libvirt refused/],
  ])("%s", (message, expected) => {
    expect(explainFailure(message)).toMatch(expected);
  });
});
