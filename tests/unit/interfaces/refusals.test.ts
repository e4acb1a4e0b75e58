import { describe, expect, it } from "vitest";
import { findLink } from "@/lib/domain/interfaces/names";
import { deleteRefusal, enslaveRefusal, releaseRefusal } from "@/lib/domain/interfaces/refusals";
import { sshCarriers, usesOf } from "@/lib/domain/interfaces/usage";
import { bridgeNetworkOn, hostB, SSH_ADDRESS, withFreeTap } from "./fixture";

const link = (s: ReturnType<typeof hostB>, name: string) => findLink(s.links, name)!;
const uses = (s: ReturnType<typeof hostB>, name: string) => usesOf(s, SSH_ADDRESS, name);

describe("who uses an interface", () => {
  it("finds the SSH uplink by the registered address and by the default route", () => {
    const s = hostB();
    expect([...sshCarriers(s, SSH_ADDRESS).keys()]).toEqual(["eth0"]);
    // Registered under a DNS name: the default route still marks eth0.
    expect([...sshCarriers(s, "hv-b.example").keys()]).toEqual(["eth0"]);
  });

  it("counts the ports of a bridge that carries the session", () => {
    const s = hostB();
    const bridged = { ...s, addresses: [...s.addresses, { ifname: "br0", family: "inet" as const, local: "10.251.0.2", prefixlen: 24 }] };
    expect([...sshCarriers(bridged, "10.251.0.2").keys()]).toEqual(expect.arrayContaining(["br0", "eth1"]));
  });

  it("lists networks and VMs on each link", () => {
    const s = hostB();
    expect(uses(s, "virbr0")).toContainEqual(expect.objectContaining({ kind: "network", name: "default" }));
    expect(uses(s, "br0")).toContainEqual(expect.objectContaining({ kind: "vm", name: "topo-fx-vm", running: true }));
    expect(uses(s, "eth2")).toContainEqual(expect.objectContaining({ kind: "vm", name: "topo-fx-vm", how: "macvtap on this NIC" }));
  });
});

describe("refusals name who would be hurt", () => {
  it("refuses deleting a bridge a libvirt network uses, naming the network", () => {
    const s = hostB();
    const withNet = { ...s, networks: [...s.networks, bridgeNetworkOn("br0")] };
    expect(deleteRefusal(link(withNet, "br0"), uses(withNet, "br0"), "bridge")).toMatch(/network sy-if-brnet/);
    expect(deleteRefusal(link(s, "virbr0"), uses(s, "virbr0"), "bridge")).toMatch(/network default/);
  });

  it("refuses deleting a bridge a running VM uses, naming the VM", () => {
    const s = hostB();
    expect(deleteRefusal(link(s, "br0"), uses(s, "br0"), "bridge")).toMatch(/VM topo-fx-vm/);
  });

  it("refuses deleting a running VM's tap, and allows a free one", () => {
    const s = withFreeTap(hostB());
    expect(deleteRefusal(link(s, "vnet2"), uses(s, "vnet2"), "tap")).toMatch(/VM web1/);
    expect(deleteRefusal(link(s, "syif-tap0"), uses(s, "syif-tap0"), "tap")).toBeNull();
    expect(deleteRefusal(link(s, "br0"), uses(s, "br0"), "tap")).toMatch(/not a TAP/);
  });

  it("refuses enslaving or releasing the SSH uplink", () => {
    const s = hostB();
    expect(enslaveRefusal(link(s, "eth0"), uses(s, "eth0"), link(s, "br0"))).toMatch(/SSH session/);
    const bridgedEth0 = { ...s, links: s.links.map((l) => (l.ifname === "eth0" ? { ...l, master: "br0" } : l)) };
    expect(releaseRefusal(link(bridgedEth0, "eth0"), uses(bridgedEth0, "eth0"))).toMatch(/SSH session/);
  });

  it("allows a free TAP into a bridge and out again", () => {
    const s = withFreeTap(hostB());
    expect(enslaveRefusal(link(s, "syif-tap0"), uses(s, "syif-tap0"), link(s, "br0"))).toBeNull();
    const enslaved = { ...s, links: s.links.map((l) => (l.ifname === "syif-tap0" ? { ...l, master: "br0" } : l)) };
    expect(releaseRefusal(link(enslaved, "syif-tap0"), uses(enslaved, "syif-tap0"))).toBeNull();
  });

  it("refuses a bridge as a port, a missing bridge, and a macvtap NIC", () => {
    const s = hostB();
    expect(enslaveRefusal(link(s, "virbr0"), uses(s, "virbr0"), link(s, "br0"))).toMatch(/is a bridge/);
    expect(enslaveRefusal(link(s, "eth2"), uses(s, "eth2"), undefined)).toMatch(/existing bridge/);
    expect(enslaveRefusal(link(s, "eth2"), uses(s, "eth2"), link(s, "br0"))).toMatch(/EBUSY|topo-fx-vm/);
  });
});
