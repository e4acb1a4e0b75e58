import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { OvsBridge } from "@/lib/domain/host/snapshot-ovs";
import type { NetState } from "@/lib/domain/plan";
import { routeKey } from "@/lib/domain/interfaces/route-key";
import { commandInputs } from "@/lib/libvirt/deadman-argv";
import { delUplinkBridgeCommands, delUplinkPortCommands } from "@/lib/libvirt/ovs-uplink-plans";
import { removalInputs, removalSteps, removeAddress, removeRoute, routeTowards, sessionClient, sessionRouteProblem } from "@/lib/libvirt/remove-address-plan";
import { addressesFromIpJson, mastersFromIpJson, routesFromIpJson } from "@/lib/libvirt/uplink-bridge-state";

// Removing an address or route, and OVS changes on the uplink: what the change
// removes (the routes the kernel drops with an address, written out so the undo
// can put them back), which removals touch Switchyard's path, and the OVS undo.
const read = (name: string) => readFileSync(path.join(__dirname, "fixtures", name), "utf8");
const devices = ["eno1", "virbr0"];
const all: NetState = {
  addresses: addressesFromIpJson(read("ip-addr-uplink.json"), devices),
  routes: [...routesFromIpJson(read("ip-route-uplink.json"), "inet", devices), ...routesFromIpJson(read("ip-route6-uplink.json"), "inet6", devices)],
  masters: mastersFromIpJson(read("ip-addr-uplink.json"), devices),
};
const v4 = all.addresses.eno1!.find((a) => a.family === "inet")!;

describe("removing an address", () => {
  const removal = removeAddress("eno1", v4, all);

  it("removes the routes the kernel drops with the last IPv4 address first, and the undo re-adds address then routes exactly as read", () => {
    const { doInput, undoInput } = removalInputs(removal.pairs);
    expect(doInput.split("\n")).toEqual([
      "route del 0.0.0.0/0 via 192.0.2.1 dev eno1 proto static",
      "route del 10.20.0.0/16 via 192.0.2.254 dev eno1 proto static metric 100",
      "address del 192.0.2.10/24 broadcast 192.0.2.255 dev eno1",
    ]);
    expect(undoInput.split("\n")).toEqual([
      "address add 192.0.2.10/24 broadcast 192.0.2.255 dev eno1",
      "route add 10.20.0.0/16 via 192.0.2.254 dev eno1 proto static metric 100",
      "route add 0.0.0.0/0 via 192.0.2.1 dev eno1 proto static",
    ]);
    // IPv6 routes and the kernel's connected route are not touched by hand.
    expect(removal.after.routes.filter((r) => r.dev === "eno1" && r.family === "inet")).toEqual([]);
    expect(removal.after.routes.filter((r) => r.family === "inet6").map(routeKey)).toEqual(all.routes.filter((r) => r.family === "inet6").map(routeKey));
    expect(removal.after.addresses.eno1!.map((a) => a.local)).toEqual(["2001:db8:10::10"]);
  });
  it("as a plain plan, the same lines as ip argv with their undo", () => {
    const steps = removalSteps(removal.pairs);
    expect(steps.at(-1)).toEqual({
      title: "ip address del 192.0.2.10/24 broadcast 192.0.2.255 dev eno1",
      argv: ["ip", "address", "del", "192.0.2.10/24", "broadcast", "192.0.2.255", "dev", "eno1"],
      undo: { title: "ip address add 192.0.2.10/24 broadcast 192.0.2.255 dev eno1", argv: ["ip", "address", "add", "192.0.2.10/24", "broadcast", "192.0.2.255", "dev", "eno1"] },
    });
  });
  it("keeps the routes of an address that is not the device's last, except those that name it as source", () => {
    const two: NetState = { ...all, addresses: { ...all.addresses, eno1: [...all.addresses.eno1!, { family: "inet", local: "192.0.2.11", prefixlen: 24, scope: "global" }] } };
    expect(removeAddress("eno1", v4, two).removedRoutes).toEqual([]);
  });
  it("refuses an address that is not on the device, and a hostile value never becomes a line", () => {
    expect(() => removeAddress("eno1", { family: "inet", local: "192.0.2.99", prefixlen: 24 }, all)).toThrow(/not on eno1/);
    const hostile: NetState = { ...all, addresses: { eno1: [{ family: "inet", local: "1.2.3.4 dev lo\naddress flush", prefixlen: 24 }] } };
    expect(() => removeAddress("eno1", hostile.addresses.eno1![0]!, hostile)).toThrow(/not an IP address/);
  });
});

describe("which removals touch Switchyard's path", () => {
  const carriers = new Set(["eno1"]);
  it("finds the route the host answers the SSH client through, longest prefix first", () => {
    expect(routeTowards(all.routes, "192.0.2.77")?.dst).toBe("192.0.2.0/24");
    expect(routeTowards(all.routes, "10.20.1.2")?.dst).toBe("10.20.0.0/16");
    expect(routeTowards(all.routes, "198.51.100.1")?.dst).toBe("default");
    expect(routeTowards(all.routes, "2001:db8:10::99")?.dst).toBe("2001:db8:10::/64");
  });
  it("names the session's route and a default route on the uplink, not an unrelated one", () => {
    const r10 = all.routes.find((r) => r.dst === "10.20.0.0/16")!;
    expect(sessionRouteProblem([r10], all.routes, "10.20.1.2", carriers)).toMatch(/answers Switchyard \(10\.20\.1\.2\) through the route 10\.20\.0\.0\/16 via 192\.0\.2\.254 dev eno1/);
    expect(sessionRouteProblem([r10], all.routes, "192.0.2.77", carriers)).toBeNull();
    const dflt = all.routes.find((r) => r.dst === "default" && r.family === "inet")!;
    expect(sessionRouteProblem([dflt], all.routes, "192.0.2.77", carriers)).toMatch(/default route through eno1/);
    expect(sessionRouteProblem([dflt], all.routes, "192.0.2.77", new Set(["virbr0"]))).toBeNull();
  });
  it("reads the client from SSH_CONNECTION, and nothing from garbage", () => {
    expect(sessionClient("198.18.0.1 51234 198.18.0.2 22\n")).toBe("198.18.0.1");
    expect(sessionClient("\n")).toBeNull();
    expect(sessionClient("$(id) 1 2 3")).toBeNull();
  });
  it("a route removal's undo is the route as read", () => {
    const r10 = all.routes.find((r) => r.dst === "10.20.0.0/16")!;
    expect(removalInputs(removeRoute(r10, all).pairs)).toEqual({
      doInput: "route del 10.20.0.0/16 via 192.0.2.254 dev eno1 proto static metric 100",
      undoInput: "route add 10.20.0.0/16 via 192.0.2.254 dev eno1 proto static metric 100",
    });
  });
});

describe("Open vSwitch on the uplink, as switch commands", () => {
  const bridge: OvsBridge = {
    name: "ovsup",
    datapathType: "netdev",
    ports: [
      { name: "ovsup", trunks: [], interfaces: [{ name: "ovsup", type: "internal" }] },
      { name: "eno1", tag: 10, trunks: [], interfaces: [{ name: "eno1", type: "" }] },
      { name: "bond0", trunks: [10, 20], interfaces: [{ name: "eno2", type: "" }, { name: "eno3", type: "" }], bondMode: "balance-slb" },
    ],
  };
  const internal: NetState = { addresses: { ovsup: [{ family: "inet", local: "192.0.2.10", prefixlen: 24 }] }, routes: [{ family: "inet", dst: "default", gateway: "192.0.2.1", dev: "ovsup", protocol: "static" }], masters: { ovsup: null } };

  it("removing a tagged port re-adds it with its tag", () => {
    const { doInput, undoInput } = commandInputs(delUplinkPortCommands("ovsup", bridge.ports[1]!));
    expect(doInput).toBe("'ovs-vsctl' '--timeout=20' '--if-exists' 'del-port' 'ovsup' 'eno1'");
    expect(undoInput).toBe("'ovs-vsctl' '--timeout=20' 'add-port' 'ovsup' 'eno1' 'tag=10'");
  });
  it("deleting the bridge: one real line; its undo rebuilds bridge, ports, bond mode, link, address and route, in that order", () => {
    const { doInput, undoInput } = commandInputs(delUplinkBridgeCommands(bridge, internal));
    const doLines = doInput.split("\n");
    expect(doLines.filter((l) => !l.startsWith("#"))).toEqual(["'ovs-vsctl' '--timeout=20' '--if-exists' 'del-br' 'ovsup'"]);
    expect(doLines.at(-1)).toBe("'ovs-vsctl' '--timeout=20' '--if-exists' 'del-br' 'ovsup'");
    expect(undoInput.split("\n")).toEqual([
      "'ovs-vsctl' '--timeout=20' 'add-br' 'ovsup' '--' 'set' 'bridge' 'ovsup' 'datapath_type=netdev'",
      "'ovs-vsctl' '--timeout=20' 'add-port' 'ovsup' 'eno1' 'tag=10'",
      "'ovs-vsctl' '--timeout=20' 'add-bond' 'ovsup' 'bond0' 'eno2' 'eno3' '--' 'set' 'port' 'bond0' 'bond_mode=balance-slb'",
      "'ip' 'link' 'set' 'dev' 'ovsup' 'up'",
      "'ip' 'address' 'add' '192.0.2.10/24' 'dev' 'ovsup'",
      "'ip' 'route' 'add' '0.0.0.0/0' 'via' '192.0.2.1' 'dev' 'ovsup' 'proto' 'static'",
    ]);
  });
  it("refuses names an interface cannot have before they reach a command", () => {
    expect(() => delUplinkPortCommands("ovsup", { name: "eno1;reboot", trunks: [], interfaces: [{ name: "eno1;reboot", type: "" }] })).toThrow(/not a valid interface name/);
    expect(() => delUplinkBridgeCommands({ ...bridge, name: "$(reboot)" }, internal)).toThrow(/not a valid interface name/);
  });
});
