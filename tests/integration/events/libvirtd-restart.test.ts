import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { labExec } from "@/lab/index";
import { createLiveEvents } from "@/lib/events";
import { closeAllConnections } from "@/lib/ssh";
import { eventLoops } from "./host-processes";
import { labTarget, labVirsh } from "./lab-access";
import { defineNetwork, liveNetwork, removeNetwork } from "./networks";
import { record } from "./recorder";
import { alive } from "../ssh/support";

// A libvirtd restart ends both virsh event loops (their connection closes);
// the script then ends, the watcher reconnects with backoff once libvirtd is
// back, and one resync tells clients to refetch what they missed.

const HOST = "hv-b";
const PIDFILE = "/run/libvirt/libvirtd.pid"; // inside the host's mount namespace
const owner = `vitest-${randomBytes(4).toString("hex")}`;
const hub = createLiveEvents({ resolveTarget: async (id) => labTarget(id), owner, lingerMs: 100 });


async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

afterAll(() => {
  hub.stopAll();
  closeAllConnections();
});

describe("live events across a libvirtd restart", () => {
  it("comes back by itself with one resync, and delivers changes again", async () => {
    const rec = record(hub, HOST);
    const net = liveNetwork();
    try {
      await rec.live();
      await rec.quiet(); // the first-live resync must not be counted as the one after the restart
      const pid = Number((await labExec(HOST, ["cat", PIDFILE])).stdout.trim());
      const stoppedAt = Date.now();
      process.kill(pid, "SIGTERM");
      try {
        await until("libvirtd to exit", () => !alive(pid), 20_000);
        await until("the subscription to notice", () => rec.messages.some((m) => m.at >= stoppedAt && m.type === "status" && m.status.state === "down"), 10_000);
        // No virsh loop outlives its connection to libvirtd.
        await until("the event loops to end", async () => (await eventLoops(HOST, owner)).length === 0, 5_000);
      } finally {
        // Exactly as start_libvirt in lab/lib/daemons.sh.
        if (!alive(pid)) expect((await labExec(HOST, ["libvirtd", "-d", "-p", PIDFILE])).code).toBe(0);
      }
      const restartedAt = Date.now();
      await rec.live(restartedAt, 20_000);
      const resync = await rec.nextChange(restartedAt, 2_000, "resync");
      expect(resync.type === "change" && resync.change.reason).toBe("resync");

      const since = Date.now();
      await defineNetwork(HOST, net.xml);
      const change = await rec.nextChange(since, 2_000, "network");
      expect(change.type === "change" && change.change.reason).toBe("network");
      expect(rec.messages.filter((m) => m.at >= restartedAt && m.type === "change" && m.change.reason === "resync")).toHaveLength(1);
    } finally {
      rec.unsubscribe();
      await removeNetwork(HOST, net.name);
      await until("libvirtd to answer", async () => (await labVirsh(HOST, ["version"]).then(() => true, () => false)), 30_000);
    }
  });
});
