import { describe, expect, it } from "vitest";
import {
  defaultDhcpFor, defaultDhcpV4, defaultDhcpV6, defaultIpv4Network, defaultNetworkName, defaultWizardValues, defaultDomainFor,
  randomUlaNetwork, randomUuid, validateWizard, EMPTY_FACTS,
} from "@/lib/domain/network";
import { parseCidr } from "@/lib/domain/net";
import { facts, fixedBytes } from "./helpers";

describe("name", () => {
  it.each([
    [[], "network1"],
    [["network1"], "network2"],
    [["network1", "network3"], "network2"],
    [["default", "network1", "network2"], "network3"],
  ])("taken %j → %s", (names, want) => {
    expect(defaultNetworkName({ networks: names.map((name) => ({ name, subnets: [] })) })).toBe(want);
  });
});

describe("IPv4 network", () => {
  it("is 192.168.100.0/24 on an empty host", () => expect(defaultIpv4Network(EMPTY_FACTS)).toBe("192.168.100.0/24"));
  it("skips /24s taken by networks, addresses and routes", () => {
    const f = facts({
      networks: [{ name: "a", subnets: ["192.168.100.1/24"] }],
      addresses: [{ ifname: "eth1", cidr: "192.168.101.7/24" }],
      routes: [{ dst: "192.168.102.0/23", dev: "eth2" }],
    });
    expect(defaultIpv4Network(f)).toBe("192.168.104.0/24");
  });
  it("is null when 192.168.100–255 are all taken", () => {
    expect(defaultIpv4Network(facts({ routes: [{ dst: "192.168.0.0/16", dev: "eth1" }] }))).toBeNull();
  });
});

describe("DHCP", () => {
  const c = (t: string) => parseCidr(t)!;
  it.each([
    ["192.168.100.0/24", "192.168.100.128", "192.168.100.254"],
    ["10.0.0.0/29", "10.0.0.4", "10.0.0.6"],
    ["10.0.0.0/16", "10.0.128.0", "10.0.255.254"],
    // n/2..n-2 is 8,388,607 addresses for a /8: cut to libvirt's 65,535 from the start
    ["10.0.0.0/8", "10.128.0.0", "10.128.255.254"],
  ])("v4 %s → %s – %s", (net, start, end) => expect(defaultDhcpV4(c(net))).toEqual({ start, end }));

  it("v6 is network + 256 to + 511", () => {
    expect(defaultDhcpV6(c("fd12:3456:789a:1::/64"))).toEqual({ start: "fd12:3456:789a:1::100", end: "fd12:3456:789a:1::1ff" });
  });

  it("follows the Network field's text", () => {
    expect(defaultDhcpFor("10.9.8.0/24")).toEqual({ start: "10.9.8.128", end: "10.9.8.254" });
    expect(defaultDhcpFor("10.9.8.")).toBeNull();
  });
});

describe("random parts", () => {
  it("ULA /64 from injected bytes", () => {
    expect(randomUlaNetwork(fixedBytes(0x12))).toBe("fd12:1212:1212:1212::/64");
    expect(randomUlaNetwork(fixedBytes(0))).toBe("fd00::/64");
  });
  it("real randomness gives a ULA /64", () => {
    const c = parseCidr(randomUlaNetwork())!;
    expect(c.prefix).toBe(64);
    expect(c.address.startsWith("fd")).toBe(true);
  });
  it("UUID v4 shape", () => {
    expect(randomUuid(fixedBytes(0xff))).toBe("ffffffff-ffff-4fff-bfff-ffffffffffff");
    expect(randomUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("DNS domain", () => {
  it.each([["network1", "network1"], ["lab.net", ""], ["my_net", ""], ["x".repeat(64), ""]])("%s → %j", (n, want) => expect(defaultDomainFor(n)).toBe(want));
});

describe("wizard starting values", () => {
  it("are virt-manager's and pass validation against the host", () => {
    const f = facts({ networks: [{ name: "network1", subnets: ["192.168.100.1/24"] }] });
    const v = defaultWizardValues(f, fixedBytes(0x34));
    expect(v).toEqual({
      name: "network2",
      ipv4: { enabled: true, network: "192.168.101.0/24", confirmPublic: false, dhcpEnabled: true, dhcpStart: "192.168.101.128", dhcpEnd: "192.168.101.254", routeEnabled: false, routeNetwork: "", routeGateway: "" },
      ipv6: { enabled: false, network: "fd34:3434:3434:3434::/64", confirmPublic: false, dhcpEnabled: true, dhcpStart: "fd34:3434:3434:3434::100", dhcpEnd: "fd34:3434:3434:3434::1ff", routeEnabled: false, routeNetwork: "", routeGateway: "" },
      connection: "virtual",
      device: { hostBridge: "", ovs: false, portgroups: [], defaultPortgroup: "0", macvtapMode: "bridge", interfaces: [], pf: "" },
      forward: { kind: "forward", destination: "", mode: "nat" },
      ipv6Internal: false,
      domain: "network2",
      autostart: true,
    });
    expect(validateWizard(v, { facts: f }).ok).toBe(true);
    expect(validateWizard({ ...v, ipv6: { ...v.ipv6, enabled: true } }, { facts: f }).ok).toBe(true);
  });
});
