import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EventHub, type HubMessage, type WatcherEvents } from "@/lib/events/hub";
import type { HostLiveStatus } from "@/lib/events/types";

function fakeWatchers() {
  const made: Array<{ hostId: string; events: WatcherEvents; running: boolean }> = [];
  const factory = (hostId: string, events: WatcherEvents) => {
    const w = { hostId, events, running: false };
    made.push(w);
    return {
      get status(): HostLiveStatus { return { hostId, state: "live" }; },
      start: () => { w.running = true; },
      stop: () => { w.running = false; },
    };
  };
  return { made, factory };
}

describe("EventHub", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("starts one watcher per host lazily and fans its messages out", () => {
    const { made, factory } = fakeWatchers();
    const hub = new EventHub(factory, 1000);
    const a: HubMessage[] = [];
    const b: HubMessage[] = [];
    expect(made).toHaveLength(0);
    hub.subscribe("h1", (m) => a.push(m));
    hub.subscribe("h1", (m) => b.push(m));
    expect(made).toHaveLength(1);
    expect(a[0]).toEqual({ type: "status", status: { hostId: "h1", state: "live" } });
    made[0]!.events.change({ hostId: "h1", reason: "network" });
    expect(a.at(-1)).toEqual({ type: "change", change: { hostId: "h1", reason: "network" } });
    expect(b.at(-1)).toEqual(a.at(-1));
  });

  it("stops a host's watcher only after the last listener has been gone for the linger time", () => {
    const { made, factory } = fakeWatchers();
    const hub = new EventHub(factory, 1000);
    const off1 = hub.subscribe("h1", () => {});
    const off2 = hub.subscribe("h1", () => {});
    off1();
    off2();
    off2();
    vi.advanceTimersByTime(500);
    const off3 = hub.subscribe("h1", () => {});
    vi.advanceTimersByTime(5000);
    expect(made).toHaveLength(1);
    expect(made[0]!.running).toBe(true);
    off3();
    vi.advanceTimersByTime(1000);
    expect(made[0]!.running).toBe(false);
    expect(hub.activeHosts()).toEqual([]);
  });

  it("keeps delivering when one listener throws", () => {
    const { made, factory } = fakeWatchers();
    const hub = new EventHub(factory, 1000);
    const got: HubMessage[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    hub.subscribe("h1", (m) => { if (m.type === "change") throw new Error("closed"); });
    hub.subscribe("h1", (m) => got.push(m));
    made[0]!.events.change({ hostId: "h1", reason: "domain" });
    expect(got.at(-1)?.type).toBe("change");
    spy.mockRestore();
  });
});
