import { describe, expect, it } from "vitest";
import { defaultWizardValues } from "@/lib/domain/network";
import { defaultRouteDevice, forwardDestinations, hostFactsOf } from "@/lib/wizard/host-facts";
import { DEFAULT_UUID, SNAPSHOT } from "./snapshot";

describe("hostFactsOf: the wizard's rules see the host as the snapshot read it", () => {
  const facts = hostFactsOf(SNAPSHOT);

  it("lists networks with their UUIDs and subnets", () => {
    expect(facts.networks).toEqual([{ name: "default", uuid: DEFAULT_UUID, active: true, subnets: ["192.168.122.1/24"], bridge: "virbr0" }]);
  });

  it("keeps addresses as address/prefix, and unicast routes other than the default", () => {
    expect(facts.addresses).toContainEqual({ ifname: "eth0", cidr: "198.18.0.6/30" });
    expect(facts.routes.map((r) => r.dst)).toEqual(["198.18.0.4/30", "192.168.122.0/24"]);
  });

  it("knows every interface and which are bridges", () => {
    expect(facts.interfaces).toContain("eth2");
    expect(facts.bridges).toEqual(["br0", "virbr0"]);
  });

  it("gives a network the model cannot read its name anyway (so the name stays taken)", () => {
    const broken = { ...SNAPSHOT.networks[0]!, name: "odd", uuid: "x", spec: null };
    expect(hostFactsOf({ ...SNAPSHOT, networks: [broken] }).networks).toEqual([{ name: "odd", uuid: "x", active: true, subnets: [] }]);
  });
});

describe("forwarding destinations", () => {
  it("offers the host's NICs only: no loopback, bridges, bridge ports or guest taps", () => {
    expect(forwardDestinations(SNAPSHOT)).toEqual(["eth0", "eth2"]);
  });

  it("finds the default route's device for the return-route hint", () => {
    expect(defaultRouteDevice(SNAPSHOT)).toBe("eth0");
    expect(defaultRouteDevice({ ...SNAPSHOT, routes: [] })).toBeUndefined();
  });
});

describe("the wizard's starting values on this host", () => {
  it("are virt-manager's: network1, 192.168.100.0/24 with .128-.254, NAT to any device, domain = name, start at boot", () => {
    const v = defaultWizardValues(hostFactsOf(SNAPSHOT), (n) => new Uint8Array(n));
    expect(v.name).toBe("network1");
    expect(v.ipv4).toMatchObject({ enabled: true, network: "192.168.100.0/24", dhcpEnabled: true, dhcpStart: "192.168.100.128", dhcpEnd: "192.168.100.254" });
    expect(v.ipv6.enabled).toBe(false);
    expect(v.forward).toEqual({ kind: "forward", destination: "", mode: "nat" });
    expect(v.domain).toBe("network1");
    expect(v.autostart).toBe(true);
  });
});
