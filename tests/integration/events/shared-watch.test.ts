import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { HubMessage } from "@/lib/events";
import { createSharedLiveEvents, type SharedEventHub } from "@/lib/events/shared-watcher";
import { closeAllConnections } from "@/lib/ssh";
import { findPostgresBin, startPostgres, type ThrowawayPostgres } from "../../support/postgres";
import { eventLoops } from "./host-processes";
import { labTarget, labVirsh } from "./lab-access";
import { defineNetwork, liveNetwork, removeNetwork } from "./networks";

// Two servers' hubs (one process, each with its own event connection and owner
// tag) on one throw-away PostgreSQL, both listening to hv-a: one event script on
// the host, the other hub relays its changes and status; when the holder loses
// its store connection, its script ends and the other hub's starts.

const HOST = "hv-a";
const owners = { a: `vitest-a${randomBytes(3).toString("hex")}`, b: `vitest-b${randomBytes(3).toString("hex")}` };
let pg: ThrowawayPostgres | null = null;
const hubs: Partial<Record<"a" | "b", SharedEventHub>> = {};
const net = liveNetwork();

const until = async (what: string, check: () => Promise<boolean> | boolean, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** Which owners run hv-a's event loops (each script runs two virsh loops). */
const scripts = async () => ({ a: (await eventLoops(HOST, owners.a)).length / 2, b: (await eventLoops(HOST, owners.b)).length / 2 });

beforeAll(async () => {
  if (findPostgresBin() === null && process.env.CI !== "true") return;
  pg = await startPostgres();
  for (const name of ["a", "b"] as const) {
    hubs[name] = createSharedLiveEvents({ databaseUrl: pg!.url, resolveTarget: async (id) => labTarget(id), owner: owners[name], lingerMs: 100 });
  }
});

afterAll(async () => {
  for (const hub of Object.values(hubs)) {
    hub.stopAll();
    await hub.closeChannel();
  }
  closeAllConnections();
  await pg?.stop();
  await removeNetwork(HOST, net.name);
});

it.skipIf(findPostgresBin() === null && process.env.CI !== "true")("runs one event script for two servers, relays it to the other, and moves it when the holder loses the store", async () => {
  const seen: Record<"a" | "b", HubMessage[]> = { a: [], b: [] };
  for (const name of ["a", "b"] as const) hubs[name]!.subscribe(HOST, (m) => seen[name].push(m));
  const live = (name: "a" | "b") => seen[name].some((m) => m.type === "status" && m.status.state === "live");
  await until("both hubs to report hv-a live", () => live("a") && live("b"), 15_000);
  await until("one event script", async () => {
    const s = await scripts();
    return s.a + s.b === 1;
  }, 5_000);
  const first = await scripts();
  const [holder, other] = first.a === 1 ? (["a", "b"] as const) : (["b", "a"] as const);

  // An out-of-band change reaches both: the holder's own, and the relayed copy.
  for (const name of ["a", "b"] as const) seen[name].length = 0;
  await defineNetwork(HOST, net.xml);
  await labVirsh(HOST, ["net-start", net.name]);
  const changed = (name: "a" | "b") => seen[name].some((m) => m.type === "change" && m.change.hostId === HOST);
  await until("the change on both hubs", () => changed("a") && changed("b"), 5_000);

  // The holder's store connection goes: its locks go with it, so it stops its
  // script at once, and the other takes the lease on its next 2 s retry.
  seen[other].length = 0;
  const lostAt = Date.now();
  await hubs[holder]!.closeChannel();
  await until("the other hub's script, and none of the holder's", async () => {
    const s = await scripts();
    return s[holder] === 0 && s[other] === 1;
  }, 10_000);
  expect(Date.now() - lostAt).toBeLessThan(10_000);
  await until("the other hub to go live on its own script", () => live(other), 10_000);
  expect(seen[holder].some((m) => m.type === "status" && m.status.state === "down")).toBe(true);
});
