import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildNetworkXml, type NatNetwork } from "@/lib/domain/network";
import { buildHookScript, HOOK_MARKER, PRINT_OP } from "@/lib/libvirt/port-forward-hook";

// The hook as written to hosts, run by sh in its dry-run mode: it prints the
// iptables commands it would run for a network XML and touches nothing.

const dir = mkdtempSync(path.join(tmpdir(), "sy-hook-"));
const hook = path.join(dir, "network");
writeFileSync(hook, buildHookScript(), { mode: 0o755 });

const dryRun = (xml: string) => execFileSync("sh", [hook, "net", PRINT_OP, "begin", "-"], { input: xml, encoding: "utf8" }).trim().split("\n").filter(Boolean);

const UUID = "04aca74b-3323-4400-8b5b-cba80bf3b4b3";
const base: NatNetwork = { mode: "nat", name: "net", uuid: UUID, bridge: { name: "virbr7" }, ipv4: { address: "10.7.0.1", prefix: 24, routes: [] } };

describe("the network hook", () => {
  it("is a POSIX sh script carrying its marker", () => {
    const text = buildHookScript();
    expect(text.startsWith("#!/bin/sh\n")).toBe(true);
    expect(text).toContain(HOOK_MARKER);
    execFileSync("sh", ["-n", hook]);
  });

  it("turns the network's rules into its own chains: DNAT (any or one address, shifted ranges), FORWARD accept above libvirt's, hairpin masquerade", () => {
    const xml = buildNetworkXml({
      ...base,
      portForwards: [
        { protocol: "tcp", hostPorts: { start: 8080, end: 8080 }, guestAddress: "10.7.0.5", guestPorts: { start: 80, end: 80 }, comment: "web" },
        { protocol: "udp", hostAddress: "198.18.0.2", hostPorts: { start: 5300, end: 5310 }, guestAddress: "10.7.0.6", guestPorts: { start: 6300, end: 6310 } },
      ],
    });
    const id = "04aca74b33234400";
    expect(dryRun(`<hookData>${xml}</hookData>`)).toEqual([
      `iptables -w -t filter -N SWY-F-${id}`,
      `iptables -w -t nat -N SWY-D-${id}`,
      `iptables -w -t nat -N SWY-S-${id}`,
      `iptables -w -t nat -A SWY-D-${id} ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -p tcp --dport 8080:8080 -j DNAT --to-destination 10.7.0.5:80`,
      `iptables -w -A SWY-F-${id} -d 10.7.0.5 -o virbr7 -p tcp --dport 80:80 -m conntrack --ctstate DNAT -j ACCEPT`,
      `iptables -w -t nat -A SWY-S-${id} -s 10.7.0.1/24 -d 10.7.0.5 -o virbr7 -p tcp --dport 80:80 -m conntrack --ctstate DNAT -j MASQUERADE`,
      `iptables -w -t nat -A SWY-D-${id} -d 198.18.0.2 -p udp --dport 5300:5310 -j DNAT --to-destination 10.7.0.6:6300-6310/5300`,
      `iptables -w -A SWY-F-${id} -d 10.7.0.6 -o virbr7 -p udp --dport 6300:6310 -m conntrack --ctstate DNAT -j ACCEPT`,
      `iptables -w -t nat -A SWY-S-${id} -s 10.7.0.1/24 -d 10.7.0.6 -o virbr7 -p udp --dport 6300:6310 -m conntrack --ctstate DNAT -j MASQUERADE`,
      `iptables -w -I FORWARD 1 -j SWY-F-${id}`,
      `iptables -w -t nat -A PREROUTING -j SWY-D-${id}`,
      `iptables -w -t nat -A OUTPUT -j SWY-D-${id}`,
      `iptables -w -t nat -A POSTROUTING -j SWY-S-${id}`,
    ]);
  });

  it("reads nothing from other metadata or from a comment, and skips rules whose values are not plain", () => {
    const xml = `<network><name>net</name><uuid>${UUID}</uuid><metadata>
      <other xmlns="urn:x"><bridge name="evil0"/><uuid>11111111-1111-1111-1111-111111111111</uuid></other>
      <swy:port-forwards xmlns:swy="https://switchyard.dev/xmlns/port-forwards/1">
        <swy:rule proto="tcp" host-port="8080" guest-address="10.7.0.5" guest-port="80" comment="x' guest-port='99 $(reboot) &quot;"/>
        <swy:rule proto="tcp" host-port="1-2" guest-address="10.7.0.6;reboot" guest-port="3-4"/>
        <swy:rule proto="tcp" host-port="1-3" guest-address="10.7.0.6" guest-port="3-4"/>
        <swy:rule proto="icmp" host-port="1" guest-address="10.7.0.6" guest-port="1"/>
      </swy:port-forwards></metadata>
      <forward mode='nat'/><bridge name='virbr7' stp='on' delay='0'/><ip address='10.7.0.1' netmask='255.255.255.0'/></network>`;
    const lines = dryRun(xml);
    expect(lines.filter((l) => l.includes("DNAT --to"))).toEqual([`iptables -w -t nat -A SWY-D-04aca74b33234400 ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -p tcp --dport 8080:8080 -j DNAT --to-destination 10.7.0.5:80`]);
    expect(lines.join("\n")).not.toMatch(/evil0|reboot|1111/);
    expect(lines.some((l) => l.includes("-s 10.7.0.1/255.255.255.0 -d 10.7.0.5 -o virbr7"))).toBe(true);
  });

  it("does nothing for a network without rules, a foreign namespace, or another mode", () => {
    expect(dryRun(buildNetworkXml(base))).toEqual([]);
    const foreign = buildNetworkXml({ ...base, portForwards: [{ protocol: "tcp", hostPorts: { start: 1, end: 1 }, guestAddress: "10.7.0.5", guestPorts: { start: 1, end: 1 } }] }).replace("https://switchyard.dev/xmlns/port-forwards/1", "urn:not-ours");
    expect(dryRun(foreign)).toEqual([]);
    const routed = buildNetworkXml({ ...base, portForwards: [{ protocol: "tcp", hostPorts: { start: 1, end: 1 }, guestAddress: "10.7.0.5", guestPorts: { start: 1, end: 1 } }] }).replace("mode=\"nat\"", "mode=\"route\"");
    expect(routed).toContain('mode="route"');
    expect(dryRun(routed)).toEqual([]);
  });
});
