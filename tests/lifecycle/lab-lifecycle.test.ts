// The lab's lifecycle, on the real machine: up is idempotent, down leaves no kernel state,
// up repairs a dirty state (including a run killed half-way), --reset restores the
// baseline and keeps the keys. It runs before the integration suites and leaves the lab UP.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { labExec, labRoot, labVirsh, readLabHosts, servedFingerprint } from "@/lab";
import net from "node:net";
import { fault, labHost } from "@/lab";
import { alive, labLeftovers, labNetns, labSh, pidsFromPidfiles } from "./lab-shell";

const hostsJson = () => readFileSync(path.join(labRoot(), ".lab", "hosts.json"), "utf8");

// The hosts with the libvirt baseline, the LAN and Open vSwitch by default.
const BASELINE = ["hv-a", "hv-b"];

async function expectBaseline(): Promise<void> {
  for (const host of readLabHosts().filter((h) => BASELINE.includes(h.name))) {
    const nets = await labVirsh(host.name, ["net-list", "--all"]);
    expect(nets.stdout).toMatch(/^\s*default\s+active\s+yes\s+yes/m);
    const doms = await labVirsh(host.name, ["list", "--all"]);
    expect(doms.stdout).toMatch(/\sweb1\s+running/);
    expect(doms.stdout).toMatch(/\sdb1\s+running/);
    expect(await servedFingerprint(host.name)).toBe(host.hostKeyFingerprint);
    expect((await labExec(host.name, ["ovs-vsctl", "br-exists", "ovsbr0"])).code).toBe(0);
  }
  // The LAN: hv-a reaches hv-b's LAN address.
  const ping = await labExec("hv-a", ["busybox", "ping", "-c", "1", "-W", "2", labHost("hv-b").lan!.address]);
  expect(ping.code, ping.stdout).toBe(0);
}

/** Whether something accepts a TCP connection at ADDRESS:22 within MS. */
function sshAnswers(address: string, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ host: address, port: 22 });
    sock.setTimeout(ms, () => {
      sock.destroy();
      resolve(false);
    });
    sock.on("connect", () => {
      sock.destroy();
      resolve(true);
    });
    sock.on("error", () => resolve(false));
  });
}

// Whatever happens, hand the lab over UP to the suites that follow.
afterAll(async () => {
  const res = await labSh(["up"]);
  if (res.code !== 0) throw new Error(`lab:up after the lifecycle test failed: ${res.stderr}`);
}, 300_000);

describe("lab lifecycle", () => {
  it("refuses to run without root, in one clear line", async () => {
    const res = await labSh(["up"], { asUser: "nobody" });
    expect(res.code).not.toBe(0);
    const lines = res.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^lab: needs root/);
  });

  it("avoids a part of 198.18.0.0/15 this machine uses, and names the user when none is left", async () => {
    // A route the lab did not make, held only for the moment `lab.sh plan` needs (plan is
    // read-only; the lab's own sy-* links are not counted as foreign).
    const withRoute = async (prefix: string) => {
      execFileSync("ip", ["route", "add", prefix, "dev", "lo"]);
      try {
        return await labSh(["plan"]);
      } finally {
        execFileSync("ip", ["route", "del", prefix, "dev", "lo"]);
      }
    };
    const free = (await labSh(["plan"])).stdout.trim();
    expect(free).toMatch(/^198\.1[89]\.\d+\.0\/24$/);

    // Take a piece of that /24: plan moves to another one.
    const partly = await withRoute(free.replace(/\.0\/24$/, ".64/26"));
    expect(partly.code).toBe(0);
    expect(partly.stdout.trim()).toMatch(/^198\.1[89]\.\d+\.0\/24$/);
    expect(partly.stdout.trim()).not.toBe(free);

    const full = await withRoute("198.18.0.0/15");
    expect(full.code).not.toBe(0);
    const lines = full.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^lab: no free \/24 left in 198\.18\.0\.0\/15: .*198\.18\.0\.0\/15 on lo/);
  });

  it("lab:up brings the lab up, and a second lab:up changes nothing", async () => {
    const first = await labSh(["up"]);
    expect(first.code, first.stderr).toBe(0);
    await expectBaseline();
    const before = { json: hostsJson(), pids: pidsFromPidfiles().sort() };

    const second = await labSh(["up"], { viaNpm: true });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/already up/);
    expect(second.seconds).toBeLessThan(30);
    expect(hostsJson()).toBe(before.json);
    expect(pidsFromPidfiles().sort()).toEqual(before.pids);
  }, 300_000);

  it("lab:up adds the LAN and OVS to a host made before them, without rebuilding it", async () => {
    // hv-a as the first lab made it: eth1's peer inside the host, no lan0, no ovs-lan, no OVS.
    const libvirtd = readFileSync(path.join(labRoot(), ".lab", "hv-a", "libvirt", "run", "libvirtd.pid"), "utf8").trim();
    for (const daemon of ["ovs-vswitchd", "ovsdb-server"]) {
      process.kill(Number(readFileSync(path.join(labRoot(), ".lab", "hv-a", "ovs", "run", `${daemon}.pid`), "utf8").trim()), "SIGKILL");
    }
    for (const nic of ["eth1", "lan0", "ovs-lan"]) expect((await labExec("hv-a", ["ip", "link", "del", nic])).code).toBe(0);
    expect((await labExec("hv-a", ["ip", "link", "add", "eth1", "type", "veth", "peer", "name", "eth1-peer"])).code).toBe(0);
    expect((await labExec("hv-a", ["ip", "link", "set", "eth1", "master", "br0"])).code).toBe(0);

    const res = await labSh(["up"]);
    expect(res.code, res.stderr).toBe(0);
    expect(readFileSync(path.join(labRoot(), ".lab", "hv-a", "libvirt", "run", "libvirtd.pid"), "utf8").trim()).toBe(libvirtd);
    expect((await labExec("hv-a", ["ip", "-o", "link", "show", "dev", "eth1"])).stdout).toMatch(/master br0 .*link-netnsid/);
    expect((await labExec("hv-a", ["ip", "link", "show", "dev", "eth1-peer"])).code).not.toBe(0);
    await expectBaseline();
  }, 300_000);

  it("fault cut-uplink silences a host's SSH path for a while, keeps its LAN, and heals by itself", async () => {
    const b = labHost("hv-b");
    await fault("hv-b", "cut-uplink", 4);
    const cutAt = Date.now();
    expect(await sshAnswers(b.address, 1_500)).toBe(false);
    // Only the uplink: hv-a still reaches hv-b over the LAN.
    expect((await labExec("hv-a", ["busybox", "ping", "-c", "1", "-W", "2", b.lan!.address])).code).toBe(0);
    let back = false;
    while (!back && Date.now() - cutAt < 15_000) back = await sshAnswers(b.address, 1_000);
    expect(back).toBe(true);
    expect(Date.now() - cutAt).toBeGreaterThanOrEqual(3_500);
    expect((await labExec("hv-b", ["iptables", "-t", "raw", "-S"])).stdout).not.toContain("switchyard-lab-cut-uplink");

    // A cut whose timer is far off is lifted by the next lab:up.
    await fault("hv-b", "cut-uplink", 600);
    expect(await sshAnswers(b.address, 1_500)).toBe(false);
    const res = await labSh(["up"]);
    expect(res.code, res.stderr).toBe(0);
    expect(await sshAnswers(b.address, 3_000)).toBe(true);
  }, 120_000);

  it("lab:down leaves no namespace, veth, bridge, mount, rule, dnsmasq or OVS process behind", async () => {
    const pids = pidsFromPidfiles();
    // 2 × (libvirtd, virtlogd, sshd, dnsmasq, web1, db1, ovsdb-server, ovs-vswitchd) + the LAN's dnsmasq
    expect(pids.length).toBeGreaterThanOrEqual(17);
    const res = await labSh(["down"], { viaNpm: true });
    expect(res.code, res.stderr).toBe(0);
    const status = await labSh(["status"]);
    expect(status.stdout).toMatch(/^lab is down/);

    expect(labLeftovers()).toEqual([]);
    expect(pids.filter(alive)).toEqual([]);
    // Keys and passwords stay for the next lab:up.
    expect(existsSync(path.join(labRoot(), ".lab", "keys", "root_ed25519"))).toBe(true);
  }, 120_000);

  it("lab:up over a run killed half-way works, and takes well under a minute", async () => {
    const keysBefore = hostsJson();
    // Start lab:up and SIGKILL it (and its whole process group) once it has made kernel state.
    const script = path.join(labRoot(), "lab", "lab.sh");
    const victim = spawn("bash", [script, "up"], { cwd: labRoot(), detached: true, stdio: "ignore" });
    const deadline = Date.now() + 60_000;
    while (!existsSync("/run/switchyard-lab/hv-a.mnt") || !existsSync("/run/netns/sy-hv-b")) {
      if (Date.now() > deadline) throw new Error("the first lab:up never got as far as the namespaces");
      await new Promise((r) => setTimeout(r, 50));
    }
    process.kill(-victim.pid!, "SIGKILL");
    expect(labNetns().length).toBeGreaterThan(0); // dirty indeed

    const res = await labSh(["up"]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.seconds).toBeLessThan(60);
    await expectBaseline();
    // Fingerprints and passwords survive down/up.
    const strip = (s: string) => JSON.parse(s).hosts.map((h: { hostKeyFingerprint: string; password: string }) => [h.hostKeyFingerprint, h.password]);
    expect(strip(hostsJson())).toEqual(strip(keysBefore));
  }, 300_000);

  it("lab:up repairs dead daemons and removes a leftover probe namespace", async () => {
    // Kill hv-a's libvirtd and hv-b's sshd hard, and leave a probe guest plugged into virbr0.
    const run = (p: string) => Number(readFileSync(path.join(labRoot(), ".lab", p), "utf8").trim());
    process.kill(run("hv-a/libvirt/run/libvirtd.pid"), "SIGKILL");
    process.kill(run("hv-b/sshd/sshd.pid"), "SIGKILL");
    const ns = "sy-probe-stale0";
    execFileSync("ip", ["netns", "add", ns]);
    execFileSync("ip", ["link", "add", "sypstale0", "netns", "sy-hv-a", "type", "veth", "peer", "name", "eth0", "netns", ns]);
    expect((await labExec("hv-a", ["ip", "link", "set", "sypstale0", "master", "virbr0"])).code).toBe(0);
    expect(labNetns()).toContain(ns);

    const res = await labSh(["up"]);
    expect(res.code, res.stderr).toBe(0);
    expect(labNetns()).not.toContain(ns);
    await expectBaseline();
  }, 300_000);

  it("lab:up --reset restores the libvirt baseline and keeps the keys", async () => {
    const before = hostsJson();
    const extra = await labVirsh("hv-a", ["net-define", "/dev/stdin"], {
      stdin: "<network><name>sy-lifecycle-extra</name><ip address='10.80.0.1' netmask='255.255.255.0'/></network>",
    });
    expect(extra.code, extra.stderr).toBe(0);
    expect((await labVirsh("hv-b", ["destroy", "web1"])).code).toBe(0);
    expect((await labVirsh("hv-b", ["undefine", "web1"])).code).toBe(0);
    expect((await labVirsh("hv-b", ["net-undefine", "staging"])).code).toBe(0);

    const res = await labSh(["up", "--reset"], { viaNpm: true });
    expect(res.code, res.stderr).toBe(0);
    expect(res.seconds).toBeLessThan(60);
    expect(hostsJson()).toBe(before);
    expect((await labVirsh("hv-a", ["net-list", "--all", "--name"])).stdout.split("\n").filter(Boolean)).toEqual(["default"]);
    expect((await labVirsh("hv-b", ["net-list", "--all", "--name"])).stdout.split("\n").filter(Boolean).sort()).toEqual(["default", "staging"]);
    expect((await labVirsh("hv-b", ["net-info", "staging"])).stdout).toMatch(/^Active:\s+no$/m);
    await expectBaseline();
  }, 300_000);

  it("lab:status reports both hosts reachable with libvirt, their LAN and OVS, and hv-down silent", async () => {
    const res = await labSh(["status"]);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^LAN sy-lan \S+\/25: router \S+, DHCP \S+ \(running\)$/m);
    expect(res.stdout).toMatch(/^\s+LAN: lan0 \S+\/25; br0 port eth1; free NIC eth2; ovsbr0 uplink ovs-lan$/m);
    expect(res.stdout.match(/^\s+OVS: ovsbr0 \(userspace datapath\) running$/gm)).toHaveLength(2);
    expect(res.stdout).toMatch(/^hv-a \S+: ssh reachable, libvirt \d+\.\d+\.\d+$/m);
    expect(res.stdout).toMatch(/^hv-b \S+: ssh reachable, libvirt \d+\.\d+\.\d+$/m);
    expect(res.stdout).toMatch(/^\s+staging\s+inactive/m);
    expect(res.stdout).toMatch(/^hv-down \S+: silent/m);
  }, 60_000);
});
