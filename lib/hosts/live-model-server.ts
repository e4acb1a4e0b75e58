import "server-only";
import { after } from "next/server";
import { fail, ok, type ActionResult } from "@/lib/actions/result";
import { networkRows } from "@/lib/domain/host/snapshot-rows";
import { liveEvents, type EventHub } from "@/lib/events";
import { readHostSnapshot } from "@/lib/libvirt/host-snapshot";
import type { HostRef } from "@/lib/domain/host/snapshot";
import { isSshError, type SshTarget } from "@/lib/ssh";
import { LiveModel, type HostRows, type LiveModelDeps, type ServedRows } from "./live-model";
import { findHostTarget } from "./target";

// The process-wide live host model (see live-model.ts), wired to the event hub
// and the one-exec host read. Kept on globalThis for the same reason as the hub:
// Next.js may evaluate this module once per route bundle.

const KEY = Symbol.for("switchyard.liveModel");
type Holder = { [KEY]?: LiveModel };

type Subscribable = Pick<EventHub, "subscribe">;

/** The model's view of a hub: it needs only "something happened" and whether the stream is live. */
export function hubSubscriber(hub: Subscribable): LiveModelDeps["subscribe"] {
  return (hostId, listener) =>
    hub.subscribe(hostId, (message) => listener(message.type === "change" ? { type: "change" } : { type: "status", state: message.status.state }));
}

/** The rows of one networks read: one SSH exec (the network pages' read, no kernel facts). */
export async function readRows(target: SshTarget, host: HostRef): Promise<HostRows> {
  return { host, rows: networkRows(await readHostSnapshot(target, { scope: "networks" })) };
}

export function liveModel(): LiveModel {
  const holder = globalThis as Holder;
  holder[KEY] ??= new LiveModel({
    enabled: process.env.SWITCHYARD_LIVE_MODEL !== "off",
    subscribe: hubSubscriber(liveEvents()),
    read: async (hostId) => {
      const found = await findHostTarget(hostId);
      if (!found.ok) throw new Error(found.message);
      return readRows(found.data.target, { id: found.data.row.id, name: found.data.row.name });
    },
    defer: (work) => {
      try {
        after(work);
      } catch {
        setTimeout(work, 0); // outside a request (scripts, tests): right away
      }
    },
  });
  return holder[KEY];
}

/**
 * The networks list of one host for a page or the rows route: from the live
 * model when it is current (no SSH round trip), otherwise one read, as an
 * ActionResult the page renders (a failure the operator can act on).
 */
export async function loadHostRows(hostIdOrName: string, options: { settle?: boolean } = {}): Promise<ActionResult<ServedRows>> {
  const found = await findHostTarget(hostIdOrName);
  if (!found.ok) return found;
  try {
    return ok(await liveModel().serve(found.data.row.id, options));
  } catch (error) {
    if (isSshError(error)) return fail(error.kind, error.message);
    console.error("host read failed", error);
    return fail("internal", "Reading the host failed unexpectedly; see the server log.");
  }
}

/**
 * The hub as the browser's event stream sees it: while a browser listens to a
 * host, the model follows that host's events too, and a background read that
 * finds the host changed where libvirt sent no event (autostart, leases) reaches
 * the browser as one more "change" (refetch; the model already holds the answer).
 */
export function withLiveModel(hub: Subscribable): Subscribable {
  return {
    subscribe(hostId, listener) {
      const model = liveModel();
      const release = model.watch(hostId);
      const unsubscribe = hub.subscribe(hostId, listener);
      const unlisten = model.listen(hostId, () => listener({ type: "change", change: { hostId, reason: "resync" } }));
      return () => {
        unlisten();
        unsubscribe();
        release();
      };
    },
  };
}

/** A plan is about to change (or just changed) the host through Switchyard: the model must not serve what it held. */
export function forgetLiveModel(hostId: string): void {
  (globalThis as Holder)[KEY]?.forget(hostId);
}
