// Every rule of the spec schema, table-driven: change one field of a valid
// NAT network and expect exactly the named field to carry the named message.
import { describe, expect, it } from "vitest";
import { validateSpec } from "@/lib/domain/network";
import { facts, natSpec, withField } from "./helpers";

type Row = [string, string, unknown, string | null, string | null];

function check([, path, value, key, message]: Row, withFacts = false) {
  const r = validateSpec(withField(natSpec(), path, value), withFacts ? { facts: facts() } : {});
  if (key === null) {
    expect(r).toMatchObject({ ok: true });
  } else {
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors[key]).toBe(message);
  }
}

describe("a valid spec passes", () => {
  it("with and without host facts", () => {
    expect(validateSpec(natSpec()).ok).toBe(true);
    expect(validateSpec(natSpec(), { facts: facts() }).ok).toBe(true);
  });
});

describe("name", () => {
  it.each<Row>([
    ["letters, digits, . _ -", "name", "lab-net_1.a", null, null],
    ["50 characters", "name", "n".repeat(50), null, null],
    ["empty", "name", "", "name", "Enter a network name."],
    ["51 characters", "name", "n".repeat(51), "name", "Use at most 50 characters."],
    ["a space", "name", "my net", "name", "Use only letters, digits, '.', '_' and '-' (no spaces)."],
    ["a slash", "name", "a/b", "name", "Use only letters, digits, '.', '_' and '-' (no spaces)."],
    ["markup", "name", "<x>", "name", "Use only letters, digits, '.', '_' and '-' (no spaces)."],
    ["unicode", "name", "réseau", "name", "Use only letters, digits, '.', '_' and '-' (no spaces)."],
    ["leading dash", "name", "-net", "name", "Start the name with a letter or a digit."],
    ["leading dot", "name", ".net", "name", "Start the name with a letter or a digit."],
  ])("%s", (...row) => check(row));

  it.each<Row>([
    ["free", "name", "net1", null, null],
    ["taken", "name", "default", "name", "A network named 'default' already exists on this host."],
  ])("unique on the host: %s", (...row) => check(row, true));

  it("editing a network does not collide with itself", () => {
    const spec = { ...natSpec(), name: "default", bridge: { name: "virbr0" }, ipv4: { address: "192.168.122.1", prefix: 24, routes: [] } };
    const r = validateSpec(spec, { facts: facts(), self: { name: "default", uuid: "dd8fe884-6c02-601e-7551-cca97df1c5df", bridge: "virbr0" } });
    expect(r).toMatchObject({ ok: true });
  });
});

describe("IPv4 address", () => {
  it.each<Row>([
    ["/8", "ipv4", { address: "10.0.0.1", prefix: 8, routes: [] }, null, null],
    ["/29", "ipv4", { address: "10.0.0.1", prefix: 29, routes: [] }, null, null],
    ["/7", "ipv4.prefix", 7, "ipv4.prefix", "Use a prefix from /8 to /29."],
    ["/30", "ipv4.prefix", 30, "ipv4.prefix", "Use a prefix from /8 to /29."],
    ["not an address", "ipv4.address", "192.168.100", "ipv4.address", "Enter an IPv4 address such as 192.168.100.1."],
    ["an IPv6 address", "ipv4.address", "fd00::1", "ipv4.address", "Enter an IPv4 address such as 192.168.100.1."],
    ["the network address", "ipv4.address", "192.168.100.0", "ipv4.address", "192.168.100.0 is the network address of 192.168.100.0/24; use a host address such as 192.168.100.1."],
    ["the broadcast address", "ipv4.address", "192.168.100.255", "ipv4.address", "192.168.100.255 is the broadcast address of 192.168.100.0/24; use a host address such as 192.168.100.1."],
    ["prefix not a whole number", "ipv4.prefix", 24.5, "ipv4.prefix", "Enter a prefix length."],
  ])("%s", (...row) => check(row));
});

describe("DHCPv4 range", () => {
  const r = (start: string, end: string) => ({ ranges: [{ start, end }], hosts: [] });
  it.each<Row>([
    ["virt-manager's default", "ipv4.dhcp", r("192.168.100.128", "192.168.100.254"), null, null],
    ["a single address", "ipv4.dhcp", r("192.168.100.9", "192.168.100.9"), null, null],
    ["start outside", "ipv4.dhcp", r("192.168.101.2", "192.168.100.254"), "ipv4.dhcp.ranges.0.start", "The start must be inside 192.168.100.0/24."],
    ["end outside", "ipv4.dhcp", r("192.168.100.2", "192.168.101.254"), "ipv4.dhcp.ranges.0.end", "The end must be inside 192.168.100.0/24."],
    ["network address", "ipv4.dhcp", r("192.168.100.0", "192.168.100.254"), "ipv4.dhcp.ranges.0.start", "The start cannot be the network address 192.168.100.0."],
    ["broadcast address", "ipv4.dhcp", r("192.168.100.2", "192.168.100.255"), "ipv4.dhcp.ranges.0.end", "The end cannot be the broadcast address 192.168.100.255."],
    ["gateway address", "ipv4.dhcp", r("192.168.100.1", "192.168.100.254"), "ipv4.dhcp.ranges.0.start", "The start cannot be the gateway address 192.168.100.1."],
    ["reversed", "ipv4.dhcp", r("192.168.100.200", "192.168.100.100"), "ipv4.dhcp.ranges.0.start", "The start 192.168.100.200 comes after the end 192.168.100.100."],
    ["not an address", "ipv4.dhcp", r("nope", "192.168.100.100"), "ipv4.dhcp.ranges.0.start", "Enter an IPv4 address for the start."],
  ])("%s", (...row) => check(row));

  it.each<[string, string, string | null]>([
    ["exactly 65,535", "10.0.255.255", null],
    ["65,536", "10.1.0.0", "This range holds 65,536 addresses; libvirt allows at most 65,535."],
  ])("libvirt's size limit: %s", (_, end, message) => {
    const spec = withField(natSpec(), "ipv4", { address: "10.0.0.1", prefix: 8, routes: [], dhcp: { ranges: [{ start: "10.0.0.1", end }], hosts: [] } });
    // start 10.0.0.1 is the gateway here, so move the gateway out of the way
    spec.ipv4!.address = "10.255.255.254";
    const r = validateSpec(spec);
    if (message === null) expect(r.ok).toBe(true);
    else expect(r).toMatchObject({ ok: false, fieldErrors: { "ipv4.dhcp.ranges.0.end": message } });
  });
});

describe("static DHCP hosts", () => {
  const hosts = (...h: object[]) => ({ ranges: [], hosts: h });
  const ok = { mac: "52:54:00:00:00:01", ip: "192.168.100.10" };
  it.each<Row>([
    ["a valid host", "ipv4.dhcp", hosts(ok, { mac: "52:54:00:00:00:02", name: "web", ip: "192.168.100.11" }), null, null],
    ["bad MAC", "ipv4.dhcp", hosts({ mac: "52:54:00:00:00", ip: "192.168.100.10" }), "ipv4.dhcp.hosts.0.mac", "Enter a MAC address such as 52:54:00:12:34:56."],
    ["no MAC", "ipv4.dhcp", hosts({ name: "web", ip: "192.168.100.10" }), "ipv4.dhcp.hosts.0.mac", "Enter the guest's MAC address."],
    ["outside the subnet", "ipv4.dhcp", hosts({ ...ok, ip: "10.9.9.9" }), "ipv4.dhcp.hosts.0.ip", "The address must be inside 192.168.100.0/24."],
    ["the gateway", "ipv4.dhcp", hosts({ ...ok, ip: "192.168.100.1" }), "ipv4.dhcp.hosts.0.ip", "The address cannot be the gateway address 192.168.100.1."],
    ["duplicate MAC (any case)", "ipv4.dhcp", hosts(ok, { mac: "52:54:00:00:00:01".toUpperCase(), ip: "192.168.100.11" }), "ipv4.dhcp.hosts.1.mac", "Another host already has MAC 52:54:00:00:00:01."],
    ["duplicate IP", "ipv4.dhcp", hosts(ok, { mac: "52:54:00:00:00:02", ip: "192.168.100.10" }), "ipv4.dhcp.hosts.1.ip", "Another host already has 192.168.100.10."],
    ["bad name", "ipv4.dhcp", hosts({ ...ok, name: "web server" }), "ipv4.dhcp.hosts.0.name", "Use a host name of letters, digits and '-' (at most 63 characters)."],
  ])("%s", (...row) => check(row));
});

describe("static route", () => {
  const route = (address: string, prefix: number, gateway: string) => [{ address, prefix, gateway }];
  it.each<Row>([
    ["a /24 via a host inside", "ipv4.routes", route("10.1.2.0", 24, "192.168.100.2"), null, null],
    ["a /28", "ipv4.routes", route("10.1.2.0", 28, "192.168.100.2"), null, null],
    ["a /29", "ipv4.routes", route("10.1.2.0", 29, "192.168.100.2"), "ipv4.routes.0.prefix", "Use a prefix of /28 or shorter."],
    ["host bits", "ipv4.routes", route("10.1.2.7", 24, "192.168.100.2"), "ipv4.routes.0.address", "10.1.2.7/24 has host bits set: did you mean 10.1.2.0/24?"],
    ["gateway outside", "ipv4.routes", route("10.1.2.0", 24, "10.9.9.9"), "ipv4.routes.0.gateway", "The gateway must be inside 192.168.100.0/24."],
    ["gateway not an address", "ipv4.routes", route("10.1.2.0", 24, "router"), "ipv4.routes.0.gateway", "Enter the IPv4 address of the gateway."],
    ["IPv6 destination on IPv4", "ipv4.routes", route("fd00::", 64, "192.168.100.2"), "ipv4.routes.0.address", "Enter an IPv4 network such as 10.1.2.0/24."],
  ])("%s", (...row) => check(row));
});

describe("IPv6", () => {
  const v6 = (over: object = {}) => ({ address: "fd00:1:2:3::1", prefix: 64, routes: [], ...over });
  it.each<Row>([
    ["a /64 with DHCPv6", "ipv6", v6({ dhcp: { ranges: [{ start: "fd00:1:2:3::100", end: "fd00:1:2:3::1ff" }], hosts: [] } }), null, null],
    ["a /48", "ipv6", v6({ prefix: 48 }), "ipv6.prefix", "For libvirt, the IPv6 network prefix must be /64."],
    ["an IPv4 address", "ipv6", v6({ address: "10.0.0.1" }), "ipv6.address", "Enter an IPv6 address such as fd00:1234:5678:9abc::1."],
    ["DHCPv6 outside", "ipv6", v6({ dhcp: { ranges: [{ start: "fd00:1:2:4::100", end: "fd00:1:2:3::1ff" }], hosts: [] } }), "ipv6.dhcp.ranges.0.start", "The start must be inside fd00:1:2:3::/64."],
    ["DHCPv6 of 65,535 addresses", "ipv6", v6({ dhcp: { ranges: [{ start: "fd00:1:2:3::2", end: "fd00:1:2:3::1:0" }], hosts: [] } }), null, null],
    ["DHCPv6 of 65,536 addresses", "ipv6", v6({ dhcp: { ranges: [{ start: "fd00:1:2:3::2", end: "fd00:1:2:3::1:1" }], hosts: [] } }), "ipv6.dhcp.ranges.0.end", "This range holds 65,536 addresses; libvirt allows at most 65,535."],
    ["host without DUID or name", "ipv6", v6({ dhcp: { ranges: [], hosts: [{ ip: "fd00:1:2:3::9" }] } }), "ipv6.dhcp.hosts.0.id", "Enter the guest's DUID or host name."],
    ["host keyed by MAC", "ipv6", v6({ dhcp: { ranges: [], hosts: [{ mac: "52:54:00:00:00:01", name: "a", ip: "fd00:1:2:3::9" }] } }), "ipv6.dhcp.hosts.0.mac", "IPv6 reservations are keyed by DUID or name, not MAC."],
    ["host keyed by DUID-LL", "ipv6", v6({ dhcp: { ranges: [], hosts: [{ id: "00:03:00:01:52:54:00:12:34:56", ip: "fd00:1:2:3::9" }] } }), null, null],
    ["host keyed by DUID-LLT", "ipv6", v6({ dhcp: { ranges: [], hosts: [{ id: "00:01:00:01:2a:3b:4c:5d:52:54:00:21:01:11", ip: "fd00:1:2:3::9" }] } }), null, null],
    ["DUID libvirt refuses", "ipv6", v6({ dhcp: { ranges: [], hosts: [{ id: "00:01:00:01:2a:3b:4c:5d", ip: "fd00:1:2:3::9" }] } }), "ipv6.dhcp.hosts.0.id", "Enter a DUID as colon-separated hex bytes, such as 00:03:00:01:52:54:00:12:34:56."],
    ["route /64", "ipv6", v6({ routes: [{ address: "fd00:aaaa::", prefix: 64, gateway: "fd00:1:2:3::2" }] }), null, null],
    ["route /65", "ipv6", v6({ routes: [{ address: "fd00:aaaa::", prefix: 65, gateway: "fd00:1:2:3::2" }] }), "ipv6.routes.0.prefix", "Use a prefix of /64 or shorter."],
  ])("%s", (...row) => check(row));
});

describe("overlap with the host", () => {
  const on = (address: string, prefix = 24) => ({ address, prefix, routes: [] });
  it.each<Row>([
    ["a free /24", "ipv4", on("192.168.100.1"), null, null],
    ["equal to a network", "ipv4", on("192.168.122.1"), "ipv4.address", "192.168.122.0/24 overlaps network 'default' (192.168.122.0/24)."],
    ["inside a network", "ipv4", on("192.168.122.129", 25), "ipv4.address", "192.168.122.128/25 overlaps network 'default' (192.168.122.0/24)."],
    ["containing a network", "ipv4", on("192.168.0.1", 16), "ipv4.address", "192.168.0.0/16 overlaps network 'default' (192.168.122.0/24)."],
    ["a host address", "ipv4", on("198.18.0.1", 29), "ipv4.address", "198.18.0.0/29 overlaps address 198.18.0.2/30 on eth0."],
    ["a route", "ipv4", on("10.0.3.1"), "ipv4.address", "10.0.3.0/24 overlaps route 10.0.0.0/16 dev eth1."],
  ])("%s", (...row) => check(row, true));

  it("ignores the default route and inactive-vs-active makes no difference", () => {
    const f = facts({ routes: [{ dst: "10.0.0.0/16", dev: "eth1" }], networks: [{ name: "off", active: false, subnets: ["172.20.0.1/24"] }] });
    const spec = withField(natSpec(), "ipv4", on("172.20.0.1"));
    expect(validateSpec(spec, { facts: f })).toMatchObject({ ok: false, fieldErrors: { "ipv4.address": "172.20.0.0/24 overlaps network 'off' (172.20.0.0/24)." } });
  });

  it("checks IPv6 networks too", () => {
    const f = facts({ networks: [{ name: "v6", subnets: ["fd00:1:2:3::1/64"] }] });
    const spec = withField(natSpec(), "ipv6", { address: "fd00:1:2:3::1", prefix: 64, routes: [] });
    expect(validateSpec(spec, { facts: f })).toMatchObject({ ok: false, fieldErrors: { "ipv6.address": "fd00:1:2:3::/64 overlaps network 'v6' (fd00:1:2:3::/64)." } });
  });
});

describe("forward device", () => {
  it.each<Row>([
    ["an existing device", "dev", "eth1", null, null],
    ["a missing device", "dev", "eth9", "dev", "There is no interface 'eth9' on this host."],
    ["an option-like name", "dev", "-oops", "dev", "Use an interface name of at most 15 letters, digits, '_', '.' or '-', not starting with '-'."],
  ])("%s", (...row) => check(row, true));

  it("open mode takes no device", () => {
    const r = validateSpec({ ...natSpec(), mode: "open", dev: "eth0" });
    expect(r).toMatchObject({ ok: false, fieldErrors: { dev: "An open network cannot use a specific device (libvirt refuses one): choose 'Any physical device'." } });
    expect(validateSpec({ ...natSpec(), mode: "open" }).ok).toBe(true);
  });

  it("a bridge network needs an existing host bridge", () => {
    expect(validateSpec({ name: "lan", mode: "bridge", hostBridge: "br0" }, { facts: facts() }).ok).toBe(true);
    expect(validateSpec({ name: "lan", mode: "bridge", hostBridge: "br7" }, { facts: facts() })).toMatchObject({ ok: false, fieldErrors: { hostBridge: "There is no bridge 'br7' on this host." } });
  });

  it("macvtap needs at least one existing interface", () => {
    expect(validateSpec({ name: "m", mode: "macvtap", macvtapMode: "bridge", interfaces: [] })).toMatchObject({ ok: false, fieldErrors: { interfaces: "Choose at least one host interface." } });
    expect(validateSpec({ name: "m", mode: "macvtap", macvtapMode: "vepa", interfaces: ["eth7"] }, { facts: facts() })).toMatchObject({ ok: false, fieldErrors: { "interfaces.0": "There is no interface 'eth7' on this host." } });
  });

  it.each([
    ["nat", "A NAT network needs an IPv4 or IPv6 address: libvirt refuses one without."],
    ["route", "A routed network needs an IPv4 or IPv6 address: libvirt refuses one without."],
    ["open", "An open network needs an IPv4 or IPv6 address: libvirt refuses one without."],
  ] as const)("%s needs an address", (mode, message) => {
    expect(validateSpec({ name: "n", mode })).toMatchObject({ ok: false, fieldErrors: { ipv4: message } });
    expect(validateSpec({ name: "n", mode, ipv6: { address: "fd00::1", prefix: 64, routes: [] } }).ok).toBe(true);
    expect(validateSpec({ name: "n", mode: "isolated" }).ok).toBe(true);
  });

  it("refuses an unknown mode", () => {
    expect(validateSpec({ ...natSpec(), mode: "magic" }).ok).toBe(false);
  });
});

describe("bridge name, MTU, MAC", () => {
  it.each<Row>([
    ["a free name", "bridge", { name: "virbr9" }, null, null],
    ["16 characters", "bridge", { name: "virbr-0123456789" }, "bridge.name", "Use at most 15 characters: Linux cannot create a longer interface name."],
    ["a space", "bridge", { name: "vir br" }, "bridge.name", "Use an interface name of at most 15 letters, digits, '_', '.' or '-', not starting with '-'."],
    ["used by a network", "bridge", { name: "virbr0" }, "bridge.name", "Bridge 'virbr0' is already used by network 'default'."],
    ["an existing interface", "bridge", { name: "eth0" }, "bridge.name", "An interface named 'eth0' already exists on this host."],
    ["MTU 9000", "mtu", 9000, null, null],
    ["MTU 67", "mtu", 67, "mtu", "Use an MTU from 68 to 65535."],
    ["MAC", "mac", "52:54:00:aa:bb:cc", null, null],
    ["multicast MAC", "mac", "01:54:00:aa:bb:cc", "mac", "Use a unicast MAC address (even first octet)."],
    ["bad UUID", "uuid", "123", "uuid", "Enter a UUID such as 3e5a0c1e-4f2b-4c1d-9a8e-2b7c6d5e4f30."],
    ["NAT ports reversed", "nat", { portStart: 2000, portEnd: 1024 }, "nat.portStart", "The first port comes after the last port."],
    ["NAT port too high", "nat", { portStart: 1024, portEnd: 70000 }, "nat.portEnd", "Use a port from 0 to 65535."],
    ["control character", "domain", { name: "a\u0001" }, "domain.name", "Remove control characters from this field."],
  ])("%s", (...row) => check(row, true));
});

describe("DNS", () => {
  it.each<Row>([
    ["a domain", "domain", { name: "lab.example" }, null, null],
    ["a bad domain", "domain", { name: "lab_example" }, "domain.name", "Use letters, digits and '-' in dot-separated labels, such as lab.example."],
    ["a host record", "dns", { forwarders: [], hosts: [{ ip: "192.168.100.5", hostnames: ["db", "db.lab"] }] }, null, null],
    ["host without names", "dns", { forwarders: [], hosts: [{ ip: "192.168.100.5", hostnames: [] }] }, "dns.hosts.0.hostnames", "Enter at least one host name."],
    ["host with a bad name", "dns", { forwarders: [], hosts: [{ ip: "192.168.100.5", hostnames: ["db", "a b"] }] }, "dns.hosts.0.hostnames.1", "'a b' is not a valid host name. Use letters, digits and '-' in dot-separated labels, such as lab.example."],
    ["host with a bad IP", "dns", { forwarders: [], hosts: [{ ip: "x", hostnames: ["db"] }] }, "dns.hosts.0.ip", "Enter an IPv4 or IPv6 address."],
    ["forwarders", "dns", { forwarders: [{ addr: "9.9.9.9" }, { domain: "corp.example", addr: "10.0.0.53" }], hosts: [] }, null, null],
    ["empty forwarder", "dns", { forwarders: [{}], hosts: [] }, "dns.forwarders.0.addr", "Enter the address of a DNS server, a domain, or both."],
    ["bad forwarder", "dns", { forwarders: [{ addr: "dns.example" }], hosts: [] }, "dns.forwarders.0.addr", "Enter the IPv4 or IPv6 address of a DNS server."],
  ])("%s", (...row) => check(row));
});
