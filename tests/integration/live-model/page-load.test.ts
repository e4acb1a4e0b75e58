import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { labExec } from "@/lab/index";
import { createLiveEvents, type EventHub } from "@/lib/events";
import { LiveModel } from "@/lib/hosts/live-model";
import { hubSubscriber, readRows } from "@/lib/hosts/live-model-server";
import { closeAllConnections, transportStats } from "@/lib/ssh";
import { eventLoops, sshdAncestor } from "../events/host-processes";
import { labTarget, labVirsh } from "../events/lab-access";
import { defineNetwork, liveNetwork, removeNetwork, sweep } from "../events/networks";
import { record } from "../events/recorder";
import { sessionCommands, settle } from "../libvirt/exec-count";

// The live host model against a real lab host, counting execs in the host's
// sshd log: with the host's events live, a served answer costs no exec before
// it is handed out (the page's response), then one background read that
// catches what libvirt sends no event for; with the stream down, or after an
// event, the answer is read on the critical path, as before.

const HOST = "hv-a";
const owner = `vitest-${randomBytes(4).toString("hex")}`;
const made: string[] = [];
let hub: EventHub;
let model: LiveModel;
/** Work the model deferred until "after the response" (Next's after()), run by the test when it says so. */
const deferred: Array<() => void> = [];

const execs = () => sessionCommands(HOST, transportStats(HOST)!.localPort!);
const autostartOf = (rows: { rows: Array<{ name: string; autostart: boolean }> }, name: string) => rows.rows.find((r) => r.name === name)?.autostart;

beforeAll(async () => {
  await sweep(HOST);
  hub = createLiveEvents({ resolveTarget: async (id) => labTarget(id), owner, lingerMs: 100 });
  model = new LiveModel({
    subscribe: hubSubscriber(hub),
    read: (id) => readRows(labTarget(id), { id, name: id }),
    defer: (work) => void deferred.push(work),
  });
});
afterEach(async () => {
  for (const name of made.splice(0)) await removeNetwork(HOST, name);
});
afterAll(async () => {
  model?.clear();
  hub?.stopAll();
  closeAllConnections();
  await sweep(HOST);
});

describe("live host model on a lab host", () => {
  it("with events live: no exec before the answer, one background read after it, and an out-of-band autostart flip is caught", async () => {
    const net = liveNetwork();
    made.push(net.name);
    await defineNetwork(HOST, net.xml);
    const rec = record(hub, HOST);
    const release = model.watch(HOST);
    try {
      await rec.live();
      await rec.quiet();
      expect((await model.serve(HOST)).source).toBe("read"); // nothing held yet: read, as before
      expect(model.isCurrent(HOST)).toBe(true);

      await labVirsh(HOST, ["net-autostart", "--", net.name]); // libvirt sends no event for this
      await settle();
      const before = execs();
      const served = await model.serve(HOST);
      expect(served).toMatchObject({ source: "model", revalidating: true });
      expect(autostartOf(served, net.name)).toBe(false); // the held rows, stale on purpose
      await settle();
      expect(execs() - before).toBe(0);

      const told = new Promise<void>((resolve) => model.listen(HOST, resolve));
      for (const work of deferred.splice(0)) work(); // the response is out: revalidate
      const settled = await model.serve(HOST, { settle: true });
      expect(autostartOf(settled, net.name)).toBe(true);
      await told; // the event stream's listeners heard of the difference
      await settle();
      expect(execs() - before).toBe(1);
    } finally {
      release();
      rec.unsubscribe();
    }
  });

  it("after an event, or with the stream down, the answer is read on the critical path", async () => {
    const rec = record(hub, HOST);
    const release = model.watch(HOST);
    try {
      await rec.live();
      await rec.quiet();
      await model.serve(HOST, { settle: true });
      expect(model.isCurrent(HOST)).toBe(true);

      const net = liveNetwork();
      made.push(net.name);
      const since = Date.now();
      await defineNetwork(HOST, net.xml);
      await rec.nextChange(since, 3000, "network");
      expect(model.isCurrent(HOST)).toBe(false);
      await settle();
      let before = execs();
      const afterEvent = await model.serve(HOST);
      expect(afterEvent.source).toBe("read");
      expect(afterEvent.rows.map((r) => r.name)).toContain(net.name);
      await settle();
      expect(execs() - before).toBe(1);
      expect(model.isCurrent(HOST)).toBe(true);

      // Kill the stream's sshd session child: the stream is down until it reconnects.
      const [loop] = await eventLoops(HOST, owner);
      const killedAt = Date.now();
      await labExec(HOST, ["kill", "-KILL", String(await sshdAncestor(HOST, loop!.pid))]);
      await new Promise<void>((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error("the stream never went down")), 5000);
        const poll = setInterval(() => {
          if (!rec.messages.some((m) => m.type === "status" && m.status.state !== "live" && m.at >= killedAt)) return;
          clearInterval(poll);
          clearTimeout(deadline);
          resolve();
        }, 20);
      });
      expect(model.isCurrent(HOST)).toBe(false);
      await settle();
      before = execs();
      expect((await model.serve(HOST)).source).toBe("read");
      await settle();
      expect(execs() - before).toBe(1);
      await rec.live(killedAt, 10_000); // let it heal before the hub stops
    } finally {
      release();
      rec.unsubscribe();
    }
  });
});
