import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { NetState } from "@/lib/domain/plan";
import { bridgeNicInputs, unbridgeInputs } from "@/lib/libvirt/uplink-bridge-plan";
import { addressesFromIpJson, mastersFromIpJson, netStateDifferences, routesFromIpJson } from "@/lib/libvirt/uplink-bridge-state";
import { launchArgv, parseSwitchStatus } from "@/lib/libvirt/deadman";

// The ip -batch inputs for "Bridge this NIC", on a captured uplink with a default route,
// a static route and IPv6: what moves, what follows the address by itself, how the undo
// input pairs with the change, and that nothing but parsed values reaches a line.
const read = (name: string) => readFileSync(path.join(__dirname, "fixtures", name), "utf8");
const devices = ["eno1", "br0"];
const before: NetState = {
  addresses: addressesFromIpJson(read("ip-addr-uplink.json"), devices),
  routes: [...routesFromIpJson(read("ip-route-uplink.json"), "inet", devices), ...routesFromIpJson(read("ip-route6-uplink.json"), "inet6", devices)],
  masters: mastersFromIpJson(read("ip-addr-uplink.json"), devices),
};
const MAC = "52:54:00:12:34:56";

describe("reading a NIC as data", () => {
  it("keeps global addresses and main-table routes through the devices, not link-local ones", () => {
    expect(before.addresses.eno1).toEqual([
      { family: "inet", local: "192.0.2.10", prefixlen: 24, broadcast: "192.0.2.255", scope: "global" },
      { family: "inet6", local: "2001:db8:10::10", prefixlen: 64, scope: "global" },
    ]);
    expect(before.routes.map((r) => r.dst)).toEqual(["default", "192.0.2.0/24", "10.20.0.0/16", "2001:db8:10::/64", "default"]);
    expect(before.masters).toEqual({ eno1: null, br0: null });
  });
  it("compares as data: key order and lifetimes do not matter, a missing route does", () => {
    const reordered: NetState = JSON.parse(JSON.stringify({ masters: before.masters, routes: [...before.routes].reverse(), addresses: before.addresses }));
    expect(netStateDifferences(before, reordered)).toEqual([]);
    const lost = { ...before, routes: before.routes.filter((r) => r.dst !== "10.20.0.0/16") };
    expect(netStateDifferences(before, lost)).toEqual([expect.stringMatching(/^routes .* instead of .*10\.20\.0\.0\/16 via 192\.0\.2\.254/)]);
  });
});

describe("the change and its undo", () => {
  const { doLines, undoLines, after } = bridgeNicInputs({ nic: "eno1", bridge: "br0", mac: MAC, before });

  it("moves static routes explicitly and lets the kernel's connected routes follow the addresses", () => {
    expect(doLines).toEqual([
      "link add name br0 type bridge stp_state 0 forward_delay 0",
      `link set dev br0 address ${MAC}`,
      "link set dev br0 up",
      "link set dev eno1 master br0",
      "route del 0.0.0.0/0 via 192.0.2.1 dev eno1 proto static",
      "route del 10.20.0.0/16 via 192.0.2.254 dev eno1 proto static metric 100",
      "route del ::/0 via 2001:db8:10::1 dev eno1 proto static metric 1024",
      "address del 192.0.2.10/24 broadcast 192.0.2.255 dev eno1",
      "address del 2001:db8:10::10/64 dev eno1",
      "address add 192.0.2.10/24 broadcast 192.0.2.255 dev br0",
      "address add 2001:db8:10::10/64 dev br0",
      "route add 0.0.0.0/0 via 192.0.2.1 dev br0 proto static",
      "route add 10.20.0.0/16 via 192.0.2.254 dev br0 proto static metric 100",
      "route add ::/0 via 2001:db8:10::1 dev br0 proto static metric 1024",
    ]);
    expect(after.routes.every((r) => r.dev === "br0")).toBe(true);
    expect(after.addresses).toEqual({ eno1: [], br0: before.addresses.eno1 });
  });

  it("pairs line for line: the last k undo lines undo the first k change lines", () => {
    expect(undoLines).toHaveLength(doLines.length);
    const inverse = (line: string) =>
      line.startsWith("route del ") ? line.replace("route del ", "route add ")
      : line.startsWith("route add ") ? line.replace("route add ", "route del ")
      : line.startsWith("address del ") ? line.replace("address del ", "address add ")
      : line.startsWith("address add ") ? line.replace("address add ", "address del ")
      : line;
    for (let k = 5; k <= doLines.length; k++) {
      // the undo for change line k sits at undo index n-k
      expect(undoLines[doLines.length - k]).toBe(inverse(doLines[k - 1]!));
    }
    expect(undoLines.slice(-4)).toEqual(["link set dev eno1 nomaster", "# br0 goes down when it is deleted", "# br0's address goes with br0", "link del dev br0"]);
  });

  it("refuses anything that is not a parsed address or a valid name", () => {
    const hostile = (patch: Partial<NetState["addresses"]["eno1"][number]>) => ({ ...before, addresses: { ...before.addresses, eno1: [{ ...before.addresses.eno1![0]!, ...patch }] } });
    expect(() => bridgeNicInputs({ nic: "eno1", bridge: "br0", mac: MAC, before: hostile({ local: "192.0.2.10 dev lo" }) })).toThrow(/not an IP address/);
    expect(() => bridgeNicInputs({ nic: "eno1", bridge: "br0", mac: MAC, before: hostile({ scope: "global\nlink del dev eno1" }) })).toThrow(/not a plain word/);
    expect(() => bridgeNicInputs({ nic: "eno1", bridge: "help", mac: MAC, before })).toThrow(/not a valid interface name/);
    expect(() => bridgeNicInputs({ nic: "eno1", bridge: "-br0", mac: MAC, before })).toThrow(/not a valid interface name/);
    expect(() => bridgeNicInputs({ nic: "eno1", bridge: "br0", mac: "52:54:00:12:34:56 up", before })).toThrow(/not a MAC/);
  });
});

describe("deleting the bridge again, guarded", () => {
  it("hands the addresses and routes back to the port, and its undo rebuilds the bridge as it was", () => {
    const bridged = bridgeNicInputs({ nic: "eno1", bridge: "br0", mac: MAC, before });
    const { doLines, undoLines, after } = unbridgeInputs({ bridge: "br0", port: "eno1", mac: MAC, stp: { state: 0, forwardDelay: 0 }, before: bridged.after });
    expect(doLines.at(-1)).toBe("link del dev br0");
    expect(undoLines[0]).toBe(`link add name br0 address ${MAC} type bridge stp_state 0 forward_delay 0`);
    expect(undoLines[1]).toBe("link set dev br0 up");
    expect(undoLines).toHaveLength(doLines.length);
    // Bridging and unbridging again gives the NIC back exactly as it was read.
    expect(netStateDifferences(before, { ...after, masters: { eno1: null, br0: null } })).toEqual([]);
  });
});

describe("the dead-man switch", () => {
  it("passes inputs as arguments to fixed scripts and bounds its time", () => {
    const argv = launchArgv("0123456789abcdef01234567", 30, "link add name br0 type bridge", "link del dev br0");
    expect(argv.slice(0, 2)).toEqual(["sh", "-c"]);
    expect(argv.slice(3, 8)).toEqual(["sy-deadman-arm", "0123456789abcdef01234567", "30", "link add name br0 type bridge", "link del dev br0"]);
    expect(argv[2]).not.toContain("br0");
    expect(() => launchArgv("../../etc", 30, "", "")).toThrow(/not a switch id/);
    expect(() => launchArgv("0123456789abcdef", 5, "", "")).toThrow(/out of range/);
  });
  it("reads the switch's status lines", () => {
    const text = ["state=failed", "armed-at=7882.33", "undone-at=7882.40", "failed-line=4", "undo.rc=0", `do.err=${Buffer.from("RTNETLINK answers: Device or resource busy\nCommand failed line.batch:1\n").toString("base64")}`, "now=7882.42"].join("\n");
    expect(parseSwitchStatus(text)).toEqual({ state: "failed", armedAt: 7882.33, undoneAt: 7882.4, failedLine: 4, undoExit: 0, doError: "RTNETLINK answers: Device or resource busy\nCommand failed line.batch:1", now: 7882.42 });
    expect(() => parseSwitchStatus("sh: 1: cannot create\n")).toThrow(/no state/);
  });
});
