import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  addressesFromIpJson, dhcpSummary, forwardingLabel, gatewayAndType, linksFromIpJson, networkFact, newDhcpHostIssues, newDnsHostIssues,
  overlapMessage, returnRouteHints, routesFromIpJson, subnetOf, uplinkAddress, type HostFacts,
} from "@/lib/domain/network";
import { parseCidr } from "@/lib/domain/net";
import { natSpec } from "./helpers";

const host = (f: string) => JSON.parse(readFileSync(path.join(__dirname, "../../fixtures/libvirt/host", f), "utf8"));

describe("host facts from `ip -j` (real output from hv-a)", () => {
  const addresses = addressesFromIpJson(host("ip-addr.json"));
  const routes = [...routesFromIpJson(host("ip-route.json")), ...routesFromIpJson(host("ip6-route.json"))];
  const links = linksFromIpJson(host("ip-link.json"));
  const facts: HostFacts = { networks: [], addresses, routes, ...links };

  it("reads addresses with their prefix", () => {
    expect(addresses).toContainEqual({ ifname: "eth0", cidr: "198.18.0.2/30" });
    expect(addresses).toContainEqual({ ifname: "sytmnat0", cidr: "fd10:210:1::1/64" });
  });
  it("drops the default route", () => {
    expect(routes.some((r) => r.dst === "default")).toBe(false);
    expect(routes).toContainEqual({ dst: "10.210.200.0/24", dev: "sytmnat0", gateway: "10.210.1.2" });
  });
  it("lists interfaces and bridges", () => {
    expect(links.interfaces).toEqual(expect.arrayContaining(["eth0", "eth1", "br0", "virbr0"]));
    expect(links.bridges).toEqual(expect.arrayContaining(["br0", "virbr0"]));
    expect(links.bridges).not.toContain("eth0");
  });
  it("names what a new subnet overlaps", () => {
    const c = (t: string) => parseCidr(t)!;
    expect(overlapMessage(c("10.210.1.0/24"), facts)).toBe("10.210.1.0/24 overlaps address 10.210.1.1/24 on sytmnat0.");
    expect(overlapMessage(c("10.210.200.0/25"), facts)).toBe("10.210.200.0/25 overlaps route 10.210.200.0/24 via 10.210.1.2 dev sytmnat0.");
    expect(overlapMessage(c("198.18.0.0/16"), facts)).toBe("198.18.0.0/16 overlaps address 198.18.0.2/30 on eth0.");
    expect(overlapMessage(c("10.211.0.0/24"), facts)).toBeNull();
  });
  it("finds the uplink address for the routed hint", () => {
    expect(uplinkAddress(facts, "eth0")).toBe("198.18.0.2");
    expect(uplinkAddress(facts, "eth9")).toBeNull();
  });
});

describe("labels", () => {
  it.each([
    [{ ...natSpec(), dev: "eth1" }, "NAT to eth1"],
    [natSpec(), "NAT"],
    [{ ...natSpec(), mode: "route" as const }, "Routed"],
    [{ ...natSpec(), mode: "isolated" as const }, "Isolated"],
    [{ ...natSpec(), mode: "open" as const }, "Open"],
    [{ name: "b", mode: "bridge" as const, hostBridge: "br0" }, "Bridge br0"],
  ])("forwardingLabel %#", (spec, want) => expect(forwardingLabel(spec)).toBe(want));

  it("DHCP summary", () => {
    expect(dhcpSummary(natSpec().ipv4)).toBe("192.168.100.128 – 192.168.100.254");
    expect(dhcpSummary(undefined)).toBe("Off");
    expect(dhcpSummary({ address: "10.0.0.1", prefix: 24, routes: [] })).toBe("Off");
    expect(dhcpSummary({ address: "10.0.0.1", prefix: 24, routes: [], dhcp: { ranges: [], hosts: [{ mac: "52:54:00:00:00:01", ip: "10.0.0.5" }] } })).toBe("Reservations only (1 reserved)");
  });

  it.each([
    ["192.168.100.0/24", { gateway: "192.168.100.1", type: "Private" }],
    ["8.8.8.0/24", { gateway: "8.8.8.1", type: "Other/Public" }],
    ["fd00:1:2:3::/64", { gateway: "fd00:1:2:3::1", type: "Private" }],
    ["2001:db8::/64", { gateway: "2001:db8::1", type: "Other/Public" }],
    ["192.168.100.5/24", null],
    ["192.168.100.", null],
  ])("gatewayAndType(%s)", (t, want) => expect(gatewayAndType(t)).toEqual(want));

  it("subnetOf", () => expect(subnetOf({ address: "10.1.2.77", prefix: 24 })).toBe("10.1.2.0/24"));

  it("routed networks get the upstream return route", () => {
    const spec = { ...natSpec(), mode: "route" as const, ipv4: { address: "10.1.2.1", prefix: 24, routes: [] }, ipv6: { address: "fd00:1:2:3::1", prefix: 64, routes: [] } };
    expect(returnRouteHints(spec, { ipv4: "198.18.0.2" })).toEqual(["ip route add 10.1.2.0/24 via 198.18.0.2", "ip -6 route add fd00:1:2:3::/64 via <host uplink IPv6 address>"]);
    expect(returnRouteHints(natSpec())).toEqual([]);
  });

  it("networkFact", () => {
    expect(networkFact({ ...natSpec(), bridge: { name: "virbr5" } }, true)).toEqual({ name: "net1", uuid: undefined, active: true, subnets: ["192.168.100.1/24"], bridge: "virbr5" });
  });
});

describe("single-record edits (DHCP and DNS tabs)", () => {
  const spec = { ...natSpec(), ipv4: { ...natSpec().ipv4!, dhcp: { ranges: [], hosts: [{ mac: "52:54:00:00:00:01", ip: "192.168.100.10" }] } } };
  it.each([
    [{ mac: "52:54:00:00:00:02", ip: "192.168.100.11" }, []],
    [{ mac: "52:54:00:00:00:01", ip: "192.168.100.11" }, [{ path: ["mac"], message: "Another host already has MAC 52:54:00:00:00:01." }]],
    [{ mac: "52:54:00:00:00:02", ip: "192.168.100.10" }, [{ path: ["ip"], message: "Another host already has 192.168.100.10." }]],
    [{ mac: "52:54:00:00:00:02", ip: "10.0.0.1" }, [{ path: ["ip"], message: "The address must be inside 192.168.100.0/24." }]],
    [{ mac: "nope", ip: "192.168.100.12" }, [{ path: ["mac"], message: "Enter a MAC address such as 52:54:00:12:34:56." }]],
  ])("DHCP host %j", (h, want) => expect(newDhcpHostIssues(spec, "ipv4", h)).toEqual(want));

  it("no IPv6 on the network", () => {
    expect(newDhcpHostIssues(spec, "ipv6", { id: "00:01", ip: "fd00::5" })).toEqual([{ path: ["ip"], message: "This network has no IPv6 address." }]);
  });

  it("DNS host", () => {
    expect(newDnsHostIssues({ ip: "192.168.100.5", hostnames: ["db"] })).toEqual([]);
    expect(newDnsHostIssues({ ip: "x", hostnames: ["a b"] })).toEqual([
      { path: ["ip"], message: "Enter an IPv4 or IPv6 address." },
      { path: ["hostnames", 0], message: "'a b' is not a valid host name. Use letters, digits and '-' in dot-separated labels, such as lab.example." },
    ]);
  });
});
