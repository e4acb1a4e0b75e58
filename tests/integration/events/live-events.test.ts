import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLiveEvents, type EventHub } from "@/lib/events";
import { closeAllConnections } from "@/lib/ssh";
import { eventLoops, sshdAncestor } from "./host-processes";
import { labExec } from "@/lab/index";
import { labTarget, labVirsh } from "./lab-access";
import { defineNetwork, liveNetwork, removeNetwork, sweep } from "./networks";
import { record } from "./recorder";

// The subscription against a real lab host: out-of-band virsh changes arrive
// as debounced "refetch" notifications, nothing is left running on the host
// after a disconnect, and a killed SSH session heals by itself with a resync.

const HOST = "hv-a";
const owner = `vitest-${randomBytes(4).toString("hex")}`;
const made: string[] = [];
let hub: EventHub;

const until = async (what: string, check: () => Promise<boolean>, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

beforeAll(async () => {
  await sweep(HOST);
  hub = createLiveEvents({ resolveTarget: async (id) => labTarget(id), owner, lingerMs: 100 });
});

afterEach(async () => {
  for (const name of made.splice(0)) await removeNetwork(HOST, name);
});

afterAll(async () => {
  hub?.stopAll();
  closeAllConnections();
  await sweep(HOST);
});

describe("live events from a lab host", () => {
  it("delivers net-define, net-start and net-destroy as changes of that host", async () => {
    const rec = record(hub, HOST);
    try {
      await rec.live();
      // Going live reads the host once (a resync), which would absorb an event in its window.
      await rec.quiet();
      const net = liveNetwork();
      made.push(net.name);
      for (const step of [() => defineNetwork(HOST, net.xml), () => labVirsh(HOST, ["net-start", "--", net.name]), () => labVirsh(HOST, ["net-destroy", "--", net.name])]) {
        const since = Date.now();
        await step();
        const change = await rec.nextChange(since, 2000, "network");
        expect(change).toMatchObject({ type: "change", change: { hostId: HOST, reason: "network" } });
        // Generous: virsh itself is slow on a busy machine; the bench holds the 1 s target.
        expect(change.at - since).toBeLessThan(2000);
      }
    } finally {
      rec.unsubscribe();
    }
  });

  it("delivers domain events too: a guest defined and undefined out of band", async () => {
    const rec = record(hub, HOST);
    const name = `sy-live-vm-${randomBytes(3).toString("hex")}`;
    const xml = `<domain type='qemu'><name>${name}</name><memory unit='MiB'>32</memory><os><type arch='x86_64' machine='pc'>hvm</type></os></domain>`;
    const dir = mkdtempSync(path.join(tmpdir(), "sy-live-vm-"));
    try {
      await rec.live();
      await rec.quiet();
      writeFileSync(path.join(dir, "vm.xml"), xml);
      let since = Date.now();
      await labVirsh(HOST, ["define", "--file", path.join(dir, "vm.xml")]);
      expect(await rec.nextChange(since, 3000, "domain")).toMatchObject({ change: { hostId: HOST, reason: "domain" } });
      since = Date.now();
      await labVirsh(HOST, ["undefine", "--", name]);
      expect(await rec.nextChange(since, 3000, "domain")).toMatchObject({ change: { hostId: HOST, reason: "domain" } });
    } finally {
      rec.unsubscribe();
      await labExec(HOST, ["virsh", "-q", "-c", "qemu:///system", "undefine", "--", name]);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("leaves no virsh on the host once the last listener has gone", async () => {
    const rec = record(hub, HOST);
    await rec.live();
    expect((await eventLoops(HOST, owner)).map((p) => p.args)).toEqual(
      expect.arrayContaining([expect.stringContaining("net-event --event lifecycle --loop"), expect.stringContaining("event --all --loop")]),
    );
    rec.unsubscribe();
    // lingerMs is 100 here; the channel closes, the pty hangs up, the script ends.
    await until("the event loops to end", async () => (await eventLoops(HOST, owner)).length === 0, 5000);
    expect(hub.activeHosts()).toEqual([]);
  });

  it("resumes within a few seconds after the subscription's sshd child is killed, with one resync", async () => {
    const rec = record(hub, HOST);
    try {
      await rec.live();
      await rec.quiet(); // the first-live resync must not be counted as the one after the kill
      const [loop] = await eventLoops(HOST, owner);
      const sshd = await sshdAncestor(HOST, loop!.pid);
      const killedAt = Date.now();
      await labExec(HOST, ["kill", "-KILL", String(sshd)]);

      await rec.live(killedAt, 5000);
      const resync = await rec.nextChange(killedAt, 2000, "resync");
      expect(resync.type === "change" && resync.change.reason).toBe("resync");
      expect(resync.at - killedAt).toBeLessThan(5000);

      const net = liveNetwork();
      made.push(net.name);
      const since = Date.now();
      await defineNetwork(HOST, net.xml);
      const change = await rec.nextChange(since, 2000, "network");
      expect(change.type === "change" && change.change.reason).toBe("network");
      // The killed session's loops are gone; only the new session's two remain.
      await until("the old loops to end", async () => (await eventLoops(HOST, owner)).length === 2, 5000);
      expect(rec.messages.filter((m) => m.at >= killedAt && m.type === "change" && m.change.reason === "resync")).toHaveLength(1);
    } finally {
      rec.unsubscribe();
    }
  });

  it("debounces a burst of events into one notification", async () => {
    const slow = createLiveEvents({ resolveTarget: async (id) => labTarget(id), owner, lingerMs: 100, quietMs: 700, maxWaitMs: 5000 });
    const rec = record(slow, HOST);
    try {
      await rec.live();
      // Going live reads the host once (a resync); our burst must not share its window.
      await rec.nextChange(0, 3000, "resync");
      const net = liveNetwork();
      made.push(net.name);
      // An independent observer counts the raw events, so other people's
      // changes on the shared lab host can be told apart from ours.
      const raw = labExec(HOST, ["timeout", "6", "virsh", "-c", "qemu:///system", "net-event", "--event", "lifecycle", "--loop"]);
      await new Promise((r) => setTimeout(r, 500));
      const since = Date.now();
      await defineNetwork(HOST, net.xml);
      for (const command of ["net-start", "net-destroy", "net-start", "net-destroy"]) await labVirsh(HOST, [command, "--", net.name]);
      const lastAt = Date.now();
      const change = await rec.nextChange(since, 5000);
      expect(change.at).toBeGreaterThanOrEqual(lastAt);
      const lines = (await raw).stdout.split("\n").filter((l) => l.includes("event 'lifecycle'"));
      const ours = lines.filter((l) => l.includes(` ${net.name}: `));
      expect(ours).toHaveLength(5);
      // Five events of ours, one notification (plus at most one per foreign event).
      expect(rec.changesSince(since).length).toBeLessThanOrEqual(1 + lines.length - ours.length);
    } finally {
      rec.unsubscribe();
      slow.stopAll();
    }
  });
});
