// The site LAN: guests bridged onto it through a host's br0 get their lease from the
// root namespace's dnsmasq (the site router) and reach the router and guests behind other
// hosts; hosts reach each other over their LAN NICs; and the guard rail still keeps every
// packet inside the lab's /24.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { labExec, labHost, labLan, labRoot, plugGuest, probe, type Guest } from "@/lab";

const ipToInt = (ip: string) => ip.split(".").reduce((n, o) => n * 256 + Number(o), 0);
const within = (ip: string, [start, end]: [string, string]) => ipToInt(ip) >= ipToInt(start) && ipToInt(ip) <= ipToInt(end);
const leases = () => readFileSync(path.join(labRoot(), ".lab", "run", "lan-dnsmasq.leases"), "utf8");

const guests: Guest[] = [];
afterAll(async () => {
  for (const g of guests) await g.remove();
});

describe("the LAN", () => {
  it("a probe on hv-a's br0 gets its lease from the LAN's dnsmasq and pings the router and a probe on hv-b's br0", async () => {
    const lan = labLan();
    const onB = await plugGuest("hv-b", "br0");
    guests.push(onB);
    expect(within(onB.lease.ip, lan.dhcpRange)).toBe(true);

    const mac = "52:54:00:5e:1a:01";
    const result = await probe("hv-a", "br0", { mac, ping: [lan.router, onB.lease.ip] });
    expect(within(result.lease.ip, lan.dhcpRange)).toBe(true);
    expect(result.lease.mask).toBe("25");
    expect(result.lease.router).toBe(lan.router);
    expect(result.pings).toEqual([
      { target: lan.router, ok: true },
      { target: onB.lease.ip, ok: true },
    ]);
    // The site router's own record of that lease (dnsmasq's lease file: expiry MAC IP …).
    expect(leases()).toMatch(new RegExp(`^\\d+ ${mac} ${result.lease.ip.replace(/\./g, "\\.")} `, "m"));
  });

  it("the DHCP server is a dnsmasq bound to the LAN bridge only, with a pidfile", () => {
    const pid = readFileSync(path.join(labRoot(), ".lab", "run", "lan-dnsmasq.pid"), "utf8").trim();
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    expect(cmdline[0]).toBe("dnsmasq");
    expect(cmdline).toContain("--bind-interfaces");
    expect(cmdline).toContain(`--interface=${labLan().bridge}`);
    expect(cmdline).toContain("--port=0");
    // The router address is on that bridge, in the LAN's subnet.
    const addr = execFileSync("ip", ["-4", "-o", "addr", "show", "dev", labLan().bridge], { encoding: "utf8" });
    expect(addr).toContain(` ${labLan().router}/25 `);
  });

  it("probe lan plugs a guest into the LAN itself; --static works without DHCP", async () => {
    const lan = labLan();
    const a = labHost("hv-a").lan!;
    const dynamic = await probe("lan", "", { ping: [lan.router, a.address] });
    expect(within(dynamic.lease.ip, lan.dhcpRange)).toBe(true);
    expect(dynamic.pings.every((p) => p.ok)).toBe(true);

    const fixed = lan.staticRange[0].replace(/\.\d+$/, `.${Number(lan.staticRange[0].split(".")[3]) + 7}`);
    const stat = await probe("lan", "", { static: `${fixed}/25`, ping: [lan.router, a.address] });
    expect(stat.lease).toEqual({ ip: fixed, mask: "25" });
    expect(stat.pings.every((p) => p.ok)).toBe(true);
  });

  it("each host's lan0 carries its LAN address (hosts.json says so) and hv-a reaches hv-b over it", async () => {
    for (const host of ["hv-a", "hv-b"]) {
      const lan = labHost(host).lan!;
      expect(lan.nics).toEqual({ address: "lan0", bridged: "eth1", ovsUplink: "ovs-lan", free: "eth2" });
      const addr = await labExec(host, ["ip", "-4", "-o", "addr", "show", "dev", lan.nics.address]);
      expect(addr.stdout).toContain(` ${lan.address}/${lan.prefix} `);
      // eth1 is still br0's port, and its other end is a port of the LAN bridge.
      expect((await labExec(host, ["ip", "-o", "link", "show", "dev", "eth1"])).stdout).toMatch(/master br0/);
      expect(execFileSync("ip", ["-o", "link", "show", "dev", `sy-${host}-eth1`], { encoding: "utf8" })).toContain(`master ${labLan().bridge}`);
    }
    const b = labHost("hv-b").lan!.address;
    expect((await labExec("hv-a", ["ip", "-4", "route", "get", b])).stdout).toMatch(/ dev lan0 /);
    const ping = await labExec("hv-a", ["busybox", "ping", "-c", "1", "-W", "2", b]);
    expect(ping.code, ping.stdout + ping.stderr).toBe(0);
  });
});

describe("the guard rail", () => {
  const block = () => labHost("hv-a").address.replace(/\.\d+$/, ".0/24");
  const dropCount = async (host: string, nic: string) => {
    const rules = await labExec(host, ["iptables", "-t", "mangle", "-L", "POSTROUTING", "-v", "-x", "-n"]);
    const line = rules.stdout.split("\n").find((l) => /\bDROP\b/.test(l) && l.includes(` ${nic} `) && l.includes(`!${block()}`));
    if (!line) throw new Error(`no guard rule for ${nic} on ${host}:\n${rules.stdout}`);
    return Number(line.trim().split(/\s+/)[0]);
  };

  it("every way out of a host (uplink, LAN NIC) and the LAN router drop what is not for the lab's /24", async () => {
    for (const host of ["hv-a", "hv-b"]) {
      const rules = await labExec(host, ["iptables", "-t", "mangle", "-S", "POSTROUTING"]);
      expect(rules.stdout).toContain(`-A POSTROUTING ! -d ${block()} -o eth0 -j DROP`);
      expect(rules.stdout).toContain(`-A POSTROUTING ! -d ${block()} -o lan0 -j DROP`);
    }
    const root = execFileSync("iptables", ["-t", "mangle", "-S", "FORWARD"], { encoding: "utf8" });
    expect(root).toContain(`-A FORWARD ! -d ${block()} -i ${labLan().bridge} -m comment --comment switchyard-lab-lan-guard -j DROP`);
  });

  it("drops a packet for an address outside the block even when it lives in the lab (hv-b, over the LAN)", async () => {
    // 10.250.77.1 is put on hv-b's lan0 for the moment: outside the block, inside the lab.
    const outside = "10.250.77.1";
    const bLan = labHost("hv-b").lan!.address;
    expect((await labExec("hv-b", ["ip", "addr", "add", `${outside}/32`, "dev", "lan0"])).code).toBe(0);
    expect((await labExec("hv-a", ["ip", "route", "replace", `${outside}/32`, "via", bLan, "dev", "lan0"])).code).toBe(0);
    try {
      const before = await dropCount("hv-a", "lan0");
      const ping = await labExec("hv-a", ["busybox", "ping", "-c", "1", "-W", "1", outside]);
      expect(ping.code).not.toBe(0);
      expect(await dropCount("hv-a", "lan0")).toBeGreaterThan(before);
      // The same route to hv-b's LAN address (inside the block) goes through.
      expect((await labExec("hv-a", ["busybox", "ping", "-c", "1", "-W", "2", bLan])).code).toBe(0);
    } finally {
      await labExec("hv-a", ["ip", "route", "del", `${outside}/32`]);
      await labExec("hv-b", ["ip", "addr", "del", `${outside}/32`, "dev", "lan0"]);
    }
  });
});
