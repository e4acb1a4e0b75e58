import { describe, expect, it } from "vitest";
import { parseNetworkXml } from "@/lib/domain/network";
import { dhcpHostXml, dnsHostXml, netUpdateStep, updateScope } from "@/lib/changes/network-edit-update";
import type { SnapshotNetwork } from "@/lib/domain/host/snapshot";

// The records net-update sends: built by the XML builder, escaped, and with
// the scope flags that match the network's state.

const net = (active: boolean, persistent = true) => ({ uuid: "3e5a0c1e-4f2b-4c1d-9a8e-2b7c6d5e4f30", active, persistent }) as SnapshotNetwork;

describe("net-update records", () => {
  it("writes a static host as one escaped element", () => {
    expect(dhcpHostXml({ mac: "52:54:00:aa:bb:cc", name: "web", ip: "10.252.1.10" })).toBe('<host mac="52:54:00:aa:bb:cc" name="web" ip="10.252.1.10"/>');
    const hostile = dhcpHostXml({ mac: "52:54:00:aa:bb:cc", name: `a"/><x y='`, ip: "10.252.1.10" });
    const wrapped = parseNetworkXml(`<network><name>n</name><ip address="10.252.1.1" prefix="24"><dhcp>${hostile}</dhcp></ip></network>`);
    expect(wrapped.ok && wrapped.spec.mode === "isolated" && wrapped.spec.ipv4?.dhcp?.hosts[0]?.name).toBe(`a"/><x y='`);
  });

  it("writes a DNS record with its host names as text", () => {
    expect(dnsHostXml({ ip: "10.252.1.20", hostnames: ["db", "db.lab"] })).toBe('<host ip="10.252.1.20"><hostname>db</hostname><hostname>db.lab</hostname></host>');
  });

  it("uses --live --config when running, --config when stopped, --live when transient", () => {
    expect(updateScope(net(true))).toEqual(["--live", "--config"]);
    expect(updateScope(net(false))).toEqual(["--config"]);
    expect(updateScope(net(true, false))).toEqual(["--live"]);
  });

  it("puts the UUID and the XML after --, and undoes add with delete", () => {
    const step = netUpdateStep(net(true), "add", "ip-dhcp-host", "<host/>", "Add");
    expect(step.argv).toEqual(["env", "LC_ALL=C", "virsh", "-c", "qemu:///system", "net-update", "--live", "--config", "--", net(true).uuid, "add", "ip-dhcp-host", "<host/>"]);
    expect(step.undo?.argv).toContain("delete");
  });
});
