// A benchmark-sized lab: `lab:up --hosts 20` adds hv-c … hv-t beside a running hv-a/hv-b
// (each with libvirtd, virtlogd, sshd and its LAN NICs), a later plain lab:up takes the
// extras away again, and lab:down after a 20-host lab leaves nothing behind. Kept apart
// from lab-lifecycle.test.ts so it can be run (or left out) on its own; it leaves the
// normal two-host lab UP.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { labExec, labRoot, readLabHosts, servedFingerprint } from "@/lab";
import { alive, labLeftovers, labNetns, labRootLinks, labSh, pidsFromPidfiles } from "./lab-shell";

const EXTRAS = "cdefghijklmnopqrst".split("").map((l) => `hv-${l}`);
const libvirtdPid = (host: string) => readFileSync(path.join(labRoot(), ".lab", host, "libvirt", "run", "libvirtd.pid"), "utf8").trim();

afterAll(async () => {
  const res = await labSh(["up"]);
  if (res.code !== 0) throw new Error(`lab:up after the many-hosts test failed: ${res.stderr}`);
}, 300_000);

describe("lab:up --hosts 20", () => {
  let hvA = "";

  it("adds hv-c … hv-t beside the running hv-a and hv-b, and says how long and how much memory", async () => {
    expect((await labSh(["up"])).code).toBe(0);
    hvA = libvirtdPid("hv-a");
    const res = await labSh(["up", "--hosts", "20"], { viaNpm: true });
    expect(res.code, res.stderr).toBe(0);
    const m = /^lab: up in (\d+) s: 20 up hosts \(18 built now\); lab processes use (\d+) MiB in (\d+) processes$/m.exec(res.stderr);
    expect(m, res.stderr).not.toBeNull();
    console.log(`lab:up --hosts 20: ${res.seconds.toFixed(1)} s wall (with status), build ${m![1]} s, lab processes ${m![2]} MiB PSS in ${m![3]} processes`);
    expect(libvirtdPid("hv-a")).toBe(hvA);

    const hosts = readLabHosts();
    expect(hosts.map((h) => h.name)).toEqual(["hv-a", "hv-b", ...EXTRAS, "hv-down"]);
    expect(new Set(hosts.map((h) => h.address)).size).toBe(21);
    expect(new Set(hosts.filter((h) => h.up).map((h) => h.lan!.address)).size).toBe(20);
    for (const h of hosts.filter((x) => EXTRAS.includes(x.name))) expect(h.lan!.ovsBridge).toBeNull();
  }, 300_000);

  it("lab:status shows 20 reachable hosts; each serves its pinned key and is on the LAN", async () => {
    const status = await labSh(["status"]);
    expect(status.code).toBe(0);
    expect(status.stdout.match(/^hv-[a-t] \S+: ssh reachable, libvirt \d+\.\d+\.\d+$/gm)).toHaveLength(20);
    const extras = readLabHosts().filter((h) => EXTRAS.includes(h.name));
    const served = await Promise.all(extras.map((h) => servedFingerprint(h.name, 10)));
    expect(served).toEqual(extras.map((h) => h.hostKeyFingerprint));
    const pings = await Promise.all(extras.map((h) => labExec("hv-a", ["busybox", "ping", "-c", "1", "-W", "3", h.lan!.address])));
    expect(pings.map((p) => p.code)).toEqual(extras.map(() => 0));
  }, 120_000);

  it("a plain lab:up afterwards removes the 18 extra hosts and leaves hv-a and hv-b as they were", async () => {
    const extraPids = pidsFromPidfiles(EXTRAS);
    expect(extraPids.length).toBeGreaterThanOrEqual(18 * 3);
    const res = await labSh(["up"]);
    expect(res.code, res.stderr).toBe(0);
    console.log(`plain lab:up removing 18 extra hosts: ${res.seconds.toFixed(1)} s`);
    expect(labNetns().sort()).toEqual(["sy-hv-a", "sy-hv-b", "sy-hv-down"]);
    expect(labRootLinks().filter((l) => /^sy-hv-[c-t](-|$)/.test(l))).toEqual([]);
    expect(extraPids.filter(alive)).toEqual([]);
    expect(readLabHosts().map((h) => h.name)).toEqual(["hv-a", "hv-b", "hv-down"]);
    expect(libvirtdPid("hv-a")).toBe(hvA);
  }, 300_000);

  it("lab:down after a 20-host lab leaves no namespace, veth, bridge, mount, rule, dnsmasq or OVS process", async () => {
    expect((await labSh(["up", "--hosts", "20"])).code).toBe(0);
    const pids = pidsFromPidfiles();
    expect(pids.length).toBeGreaterThanOrEqual(20 * 3);
    const res = await labSh(["down"], { viaNpm: true });
    expect(res.code, res.stderr).toBe(0);
    console.log(`lab:down of a 20-host lab: ${res.seconds.toFixed(1)} s`);
    expect(labLeftovers()).toEqual([]);
    expect(pids.filter(alive)).toEqual([]);
  }, 300_000);
});
