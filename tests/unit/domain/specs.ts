// One spec per mode, each using every property its mode carries: the round
// trip tests and the integration test share them.
import type { NetworkSpec } from "@/lib/domain/network";

const full = {
  uuid: "0b6c2e55-2f1a-4f0e-9c55-0d3c1e2a7b10",
  bridge: { name: "sy0", stp: false, delay: 2, macTableManager: "libvirt" as const },
  mtu: 1400,
  mac: "52:54:00:21:00:01",
  domain: { name: "model.test", localOnly: true },
  dns: {
    enable: true,
    forwardPlainNames: false,
    forwarders: [{ addr: "9.9.9.9" }, { addr: "10.210.1.53", domain: "corp.example" }, { domain: "local.example" }],
    hosts: [{ ip: "10.210.1.10", hostnames: ["db", "db.model.test"] }],
  },
  ipv4: {
    address: "10.210.1.1",
    prefix: 24,
    localPtr: true,
    dhcp: { ranges: [{ start: "10.210.1.128", end: "10.210.1.254" }], hosts: [{ mac: "52:54:00:21:01:10", name: "db", ip: "10.210.1.10" }] },
    routes: [{ address: "10.210.200.0", prefix: 24, gateway: "10.210.1.2", metric: 2 }],
  },
  ipv6: {
    address: "fd10:210:1::1",
    prefix: 64,
    dhcp: { ranges: [{ start: "fd10:210:1::100", end: "fd10:210:1::1ff" }], hosts: [{ id: "00:01:00:01:2a:3b:4c:5d:52:54:00:21:01:11", name: "web", ip: "fd10:210:1::11" }] },
    routes: [{ address: "fd10:210:200::", prefix: 64, gateway: "fd10:210:1::2" }],
  },
  ipv6Internal: true,
};

/** Specs keyed by a short label; `name` is given by the caller so tests can prefix it. */
export function specsFor(prefix: string, third = 1): Record<string, NetworkSpec> {
  const sub = (s: string) => s.replaceAll("10.210.1.", `10.210.${third}.`).replaceAll("fd10:210:1:", `fd10:210:${third}:`);
  const f = JSON.parse(sub(JSON.stringify(full))) as typeof full;
  const n = (label: string) => `${prefix}${label}`;
  return {
    "isolated-minimal": { name: n("iso-min"), mode: "isolated" },
    "isolated-full": { ...f, name: n("iso"), mode: "isolated", bridge: { ...f.bridge, name: `${prefix.slice(0, 4)}i${third}`.slice(0, 15) } },
    "nat-minimal": { name: n("nat-min"), mode: "nat", ipv4: { address: `10.210.${third}.1`, prefix: 24, routes: [] } },
    "nat-full": {
      ...f, name: n("nat"), mode: "nat", dev: "eth0", bridge: { ...f.bridge, name: `${prefix.slice(0, 4)}n${third}`.slice(0, 15) },
      nat: { addressStart: "198.18.0.2", addressEnd: "198.18.0.2", portStart: 20000, portEnd: 30000, ipv6: true },
    },
    "route-full": { ...f, name: n("route"), mode: "route", dev: "eth0", bridge: { ...f.bridge, name: `${prefix.slice(0, 4)}r${third}`.slice(0, 15) } },
    "route-minimal": { name: n("route-min"), mode: "route", ipv4: { address: `10.210.${third}.1`, prefix: 24, routes: [] } },
    "open-full": { ...f, name: n("open"), mode: "open", bridge: { ...f.bridge, name: `${prefix.slice(0, 4)}o${third}`.slice(0, 15) } },
    bridge: { name: n("bridge"), uuid: f.uuid, mode: "bridge", hostBridge: "br0" },
    "macvtap-bridge": { name: n("macvtap"), mode: "macvtap", macvtapMode: "bridge", interfaces: ["eth1", "eth2"] },
    "macvtap-private": { name: n("private"), mode: "macvtap", macvtapMode: "private", interfaces: ["eth1"] },
    "macvtap-vepa": { name: n("vepa"), mode: "macvtap", macvtapMode: "vepa", interfaces: ["eth1"] },
    "macvtap-passthrough": { name: n("passthrough"), mode: "macvtap", macvtapMode: "passthrough", interfaces: ["eth2"] },
    hostdev: { name: n("hostdev"), mode: "hostdev", pf: "eth2", managed: true },
  };
}
