// The wizard's form schema: the same rules under the form's field names, the
// step field lists, and the conversion to a spec.
import { describe, expect, it } from "vitest";
import { validateWizard, wizardToSpec, wizardWalk, WIZARD_STEPS, type WizardValues } from "@/lib/domain/network";
import { facts, wizardValues, withField } from "./helpers";

type Row = [string, string, unknown, string | null, string | null];

function check([, path, value, key, message]: Row, base: WizardValues = wizardValues()) {
  const r = validateWizard(withField(base, path, value), { facts: facts() });
  if (key === null) expect(r).toMatchObject({ ok: true });
  else expect(r).toMatchObject({ ok: false, fieldErrors: { [key]: message } });
}

describe("wizard fields", () => {
  it.each<Row>([
    ["defaults pass", "name", "net1", null, null],
    ["name taken", "name", "default", "name", "A network named 'default' already exists on this host."],
    ["name with a space", "name", "my net", "name", "Use only letters, digits, '.', '_' and '-' (no spaces)."],
    ["host bits set", "ipv4.network", "192.168.100.7/24", "ipv4.network", "192.168.100.7/24 has host bits set: did you mean 192.168.100.0/24?"],
    ["no prefix", "ipv4.network", "192.168.100.0", "ipv4.network", "Enter an IPv4 network such as 192.168.100.0/24."],
    ["/30", "ipv4.network", "192.168.100.0/30", "ipv4.network", "Use a prefix from /8 to /29."],
    ["public without confirmation", "ipv4.network", "8.8.8.0/24", "ipv4.network", "8.8.8.0/24 is not a private range. Confirm that you want to use a public range."],
    ["overlap", "ipv4.network", "192.168.122.0/24", "ipv4.network", "192.168.122.0/24 overlaps network 'default' (192.168.122.0/24)."],
    ["DHCP start outside", "ipv4.dhcpStart", "192.168.101.5", "ipv4.dhcpStart", "The start must be inside 192.168.100.0/24."],
    ["DHCP end is broadcast", "ipv4.dhcpEnd", "192.168.100.255", "ipv4.dhcpEnd", "The end cannot be the broadcast address 192.168.100.255."],
    ["DHCP start is gateway", "ipv4.dhcpStart", "192.168.100.1", "ipv4.dhcpStart", "The start cannot be the gateway address 192.168.100.1."],
    ["DHCP off ignores its fields", "ipv4.dhcpEnabled", false, null, null],
    ["domain blank is allowed", "domain", "", null, null],
    ["domain invalid", "domain", "my_net", "domain", "Use letters, digits and '-' in dot-separated labels, such as lab.example."],
    ["open with a device", "forward", { kind: "forward", destination: "eth1", mode: "open" }, "forward.destination", "An open network cannot use a specific device (libvirt refuses one): choose 'Any physical device'."],
    ["NAT to a missing device", "forward", { kind: "forward", destination: "eth9", mode: "nat" }, "forward.destination", "There is no interface 'eth9' on this host."],
    ["routed to eth1", "forward", { kind: "forward", destination: "eth1", mode: "route" }, null, null],
    ["isolated ignores destination", "forward", { kind: "isolated", destination: "eth9", mode: "open" }, null, null],
  ])("%s", (...row) => check(row));

  it("IPv4 off ignores its fields", () => {
    const v = { ...wizardValues(), forward: { kind: "isolated" as const, destination: "", mode: "nat" as const } };
    check(["", "ipv4", { ...v.ipv4, enabled: false, network: "nonsense", dhcpStart: "x" }, null, null], v);
  });

  it("forwarding without any address is refused on the Mode field; isolated is fine", () => {
    const none = { ...wizardValues(), ipv4: { ...wizardValues().ipv4, enabled: false } };
    expect(validateWizard(none, { facts: facts() })).toMatchObject({ ok: false, fieldErrors: { "forward.mode": "A NAT network needs an IPv4 or IPv6 address: libvirt refuses one without." } });
    expect(validateWizard({ ...none, forward: { kind: "isolated", destination: "", mode: "nat" } }, { facts: facts() }).ok).toBe(true);
  });

  it("confirming a public range clears the prompt", () => {
    const v = withField(withField(wizardValues(), "ipv4.network", "8.8.8.0/24"), "ipv4.confirmPublic", true);
    check(["", "ipv4.dhcpStart", "8.8.8.128", null, null], withField(v, "ipv4.dhcpEnd", "8.8.8.254"));
  });

  const routeOn = { ...wizardValues().ipv4, routeEnabled: true, routeNetwork: "10.1.2.0/24", routeGateway: "192.168.100.2" };
  it.each<Row>([
    ["route ok", "ipv4", routeOn, null, null],
    ["route /29", "ipv4", { ...routeOn, routeNetwork: "10.1.2.0/29" }, "ipv4.routeNetwork", "Use a prefix of /28 or shorter."],
    ["route via outside", "ipv4", { ...routeOn, routeGateway: "10.0.0.1" }, "ipv4.routeGateway", "The gateway must be inside 192.168.100.0/24."],
  ])("%s", (...row) => check(row));

  const v6 = { enabled: true, network: "fd00:1:2:3::/64", confirmPublic: false, dhcpEnabled: true, dhcpStart: "fd00:1:2:3::100", dhcpEnd: "fd00:1:2:3::1ff", routeEnabled: false, routeNetwork: "", routeGateway: "" };
  it.each<Row>([
    ["IPv6 ok", "ipv6", v6, null, null],
    ["IPv6 /48", "ipv6", { ...v6, network: "fd00:1:2::/48" }, "ipv6.network", "For libvirt, the IPv6 network prefix must be /64."],
    ["IPv6 host bits", "ipv6", { ...v6, network: "fd00:1:2:3::9/64" }, "ipv6.network", "fd00:1:2:3::9/64 has host bits set: did you mean fd00:1:2:3::/64?"],
    ["IPv6 public", "ipv6", { ...v6, network: "2001:db8::/64", dhcpEnabled: false }, "ipv6.network", "2001:db8::/64 is not a private range. Confirm that you want to use a public range."],
    ["DHCPv6 outside", "ipv6", { ...v6, dhcpEnd: "fd00:1:2:4::1ff" }, "ipv6.dhcpEnd", "The end must be inside fd00:1:2:3::/64."],
  ])("%s", (...row) => check(row));

  it("every form field a walk needs belongs to exactly one of its steps", () => {
    const of = (walk: number[]) => walk.flatMap((i) => WIZARD_STEPS[i]!.fields).sort();
    expect(of(wizardWalk("virtual"))).toEqual(Object.keys(wizardValues()).filter((k) => k !== "device").sort());
    expect(of(wizardWalk("bridge"))).toEqual(["autostart", "connection", "device", "name"]);
    expect(wizardWalk("virtual")).toEqual([0, 1, 2, 3]);
  });
});

describe("wizardToSpec", () => {
  const uuid = "3e5a0c1e-4f2b-4c1d-9a8e-2b7c6d5e4f30";
  it("NAT with DHCP and a domain, as virt-manager writes it (no bridge name)", () => {
    expect(wizardToSpec(wizardValues(), { uuid })).toEqual({
      name: "net1",
      uuid,
      domain: { name: "net1" },
      mode: "nat",
      ipv4: { address: "192.168.100.1", prefix: 24, dhcp: { ranges: [{ start: "192.168.100.128", end: "192.168.100.254" }], hosts: [] }, routes: [] },
    });
  });

  it("the seed's isolated example: IPv4 on, IPv6 off, domain blank", () => {
    const v = { ...wizardValues(), name: "isolated", domain: "", forward: { kind: "isolated" as const, destination: "", mode: "nat" as const } };
    const spec = wizardToSpec(v);
    expect(spec).toMatchObject({ name: "isolated", mode: "isolated" });
    expect(spec).not.toHaveProperty("domain");
    expect(spec).not.toHaveProperty("ipv6");
  });

  it("routed to a device, with a static route, IPv6 and internal IPv6", () => {
    const v: WizardValues = {
      ...wizardValues(),
      ipv4: { ...wizardValues().ipv4, dhcpEnabled: false, routeEnabled: true, routeNetwork: "10.1.2.0/24", routeGateway: "192.168.100.2" },
      ipv6: { enabled: true, network: "fd00:1:2:3::/64", confirmPublic: false, dhcpEnabled: true, dhcpStart: "fd00:1:2:3::100", dhcpEnd: "fd00:1:2:3::1ff", routeEnabled: false, routeNetwork: "", routeGateway: "" },
      forward: { kind: "forward", destination: "eth1", mode: "route" },
      ipv6Internal: true,
    };
    expect(wizardToSpec(v)).toEqual({
      name: "net1",
      domain: { name: "net1" },
      ipv6Internal: true,
      mode: "route",
      dev: "eth1",
      ipv4: { address: "192.168.100.1", prefix: 24, routes: [{ address: "10.1.2.0", prefix: 24, gateway: "192.168.100.2" }] },
      ipv6: { address: "fd00:1:2:3::1", prefix: 64, dhcp: { ranges: [{ start: "fd00:1:2:3::100", end: "fd00:1:2:3::1ff" }], hosts: [] }, routes: [] },
    });
  });

  it("open never carries a device", () => {
    const spec = wizardToSpec({ ...wizardValues(), forward: { kind: "forward", destination: "eth1", mode: "open" } });
    expect(spec).toMatchObject({ mode: "open" });
    expect(spec).not.toHaveProperty("dev");
  });

  it("refuses values that were not validated", () => {
    expect(() => wizardToSpec(withField(wizardValues(), "ipv4.network", "nope"))).toThrow(/validate first/);
  });
});
