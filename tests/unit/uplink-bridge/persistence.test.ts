import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { NetState } from "@/lib/domain/plan";
import { detectManager, NOT_PERSISTED, persistenceProposal, splitDetectOutput } from "@/lib/libvirt/uplink-bridge-persistence";

// Network manager detection on outputs captured from the detection script's shape
// (nmcli -t, /etc/network/interfaces, networkctl list), and what each proposes.
const fixture = (name: string) => splitDetectOutput(readFileSync(path.join(__dirname, "fixtures", name), "utf8"));

const after: NetState = {
  addresses: { eno1: [], br0: [{ family: "inet", local: "192.0.2.10", prefixlen: 24, broadcast: "192.0.2.255", scope: "global" }] },
  routes: [{ family: "inet", dst: "default", gateway: "192.0.2.1", dev: "br0", protocol: "static" }],
  masters: { eno1: "br0", br0: null },
};

describe("which network manager owns a NIC", () => {
  it("NetworkManager running with the NIC connected", () => {
    expect(detectManager(fixture("nm-desktop.txt"), "enp1s0")).toEqual({ manager: "networkmanager", connection: "Wired connection 1" });
  });
  it("reads nmcli's escaped colons, and leaves an unmanaged NIC alone", () => {
    expect(detectManager(fixture("nm-escaped.txt"), "eno1")).toEqual({ manager: "networkmanager", connection: "office:uplink" });
    expect(detectManager(fixture("nm-escaped.txt"), "eno2")).toEqual({ manager: "none" });
  });
  it("a NetworkManager that is installed but not running manages nothing", () => {
    expect(detectManager(fixture("nm-stopped.txt"), "eno1")).toEqual({ manager: "none" });
  });
  it("ifupdown: an iface or allow-hotplug stanza for the NIC, not for others", () => {
    expect(detectManager(fixture("ifupdown-debian.txt"), "eno1")).toEqual({ manager: "ifupdown" });
    expect(detectManager(fixture("ifupdown-debian.txt"), "eno2")).toEqual({ manager: "none" });
    expect(detectManager(fixture("ifupdown-debian.txt"), "eno")).toEqual({ manager: "none" });
  });
  it("systemd-networkd: only a link it configures", () => {
    expect(detectManager(fixture("networkd-server.txt"), "ens3")).toEqual({ manager: "systemd-networkd" });
    expect(detectManager(fixture("networkd-server.txt"), "ens4")).toEqual({ manager: "none" });
    // networkctl's "unmanaged" rows (and its warning when networkd is not running) claim nothing
    expect(detectManager(fixture("nm-desktop.txt"), "vnet0")).toEqual({ manager: "none" });
    // a disconnected NIC is still NetworkManager's
    expect(detectManager(fixture("nm-desktop.txt"), "wlp2s0")).toEqual({ manager: "networkmanager", connection: "" });
  });
  it("the lab runs none of them", () => {
    expect(detectManager(fixture("lab-none.txt"), "lan0")).toEqual({ manager: "none" });
    expect(persistenceProposal({ manager: "none" }, "lan0", "br-lan0", "52:54:00:12:34:56", after).text).toBe(NOT_PERSISTED);
    expect(NOT_PERSISTED).toMatch(/^Not persisted: no network manager found/);
  });
});

describe("what each manager is offered", () => {
  it("NetworkManager: a checkpoint with a rollback timeout around nmcli", () => {
    const p = persistenceProposal({ manager: "networkmanager", connection: "Wired connection 1" }, "eno1", "br0", "52:54:00:12:34:56", after);
    if (p.manager === "none") throw new Error("expected a proposal");
    expect(p.commands[0]).toEqual(["gdbus", "call", "--system", "--dest", "org.freedesktop.NetworkManager", "--object-path", "/org/freedesktop/NetworkManager", "--method", "org.freedesktop.NetworkManager.CheckpointCreate", "[]", "60", "1"]);
    expect(p.commands[1]).toEqual(expect.arrayContaining(["nmcli", "connection", "add", "type", "bridge", "ifname", "br0", "ipv4.method", "manual", "ipv4.addresses", "192.0.2.10/24", "ipv4.gateway", "192.0.2.1"]));
    expect(p.commands).toContainEqual(["nmcli", "connection", "add", "type", "bridge-slave", "ifname", "eno1", "master", "br0", "con-name", "br0-port-eno1"]);
    expect(p.commands).toContainEqual(["nmcli", "connection", "modify", "Wired connection 1", "connection.autoconnect", "no"]);
  });
  it("ifupdown: the bridge stanza, the NIC left manual", () => {
    const p = persistenceProposal({ manager: "ifupdown" }, "eno1", "br0", "52:54:00:12:34:56", after);
    if (p.manager === "none") throw new Error("expected a proposal");
    expect(p.files).toEqual([{ path: "/etc/network/interfaces.d/br0", content: expect.stringContaining("iface br0 inet static\n    address 192.0.2.10/24\n    gateway 192.0.2.1\n    bridge_ports eno1\n") }]);
    expect(p.files[0]!.content).toContain("iface eno1 inet manual");
  });
  it("systemd-networkd: a .netdev, the bridge's .network and the port's", () => {
    const p = persistenceProposal({ manager: "systemd-networkd" }, "ens3", "br0", "52:54:00:12:34:56", after);
    if (p.manager === "none") throw new Error("expected a proposal");
    expect(p.files.map((f) => f.path)).toEqual(["/etc/systemd/network/40-br0.netdev", "/etc/systemd/network/40-br0.network", "/etc/systemd/network/40-ens3-port.network"]);
    expect(p.files[1]!.content).toContain("Address=192.0.2.10/24\nGateway=192.0.2.1");
    expect(p.files[2]!.content).toContain("Bridge=br0");
  });
});
