import { describe, expect, it } from "vitest";
import { hostLeaseKey } from "@/lib/events/lease";
import { parseRelayed, relayAsk, relayChange, relayReleased, relayStatus } from "@/lib/events/notify-relay";

// The pure parts of sharing a host's event script between servers: the lock key
// each server computes for a host, and the messages they exchange over NOTIFY.

describe("host lease keys", () => {
  it("are the same on every server for one host, and a signed 64-bit PostgreSQL bigint", () => {
    const id = "6f1c1a8e-3b7a-4c11-9a55-0d2f5b7e9c01";
    expect(hostLeaseKey(id)).toBe(hostLeaseKey(id));
    expect(hostLeaseKey(id) >= -(2n ** 63n) && hostLeaseKey(id) < 2n ** 63n).toBe(true);
  });

  it("differ across 10 000 hosts (64 bits: two hosts sharing a lock would leave one unwatched)", () => {
    const keys = new Set(Array.from({ length: 10_000 }, (_, i) => hostLeaseKey(`host-${i}`)));
    expect(keys.size).toBe(10_000);
  });
});

describe("relayed messages", () => {
  it("round-trip every kind", () => {
    expect(parseRelayed(relayChange("s1", "h", "network"))).toEqual({ kind: "change", from: "s1", hostId: "h", reason: "network" });
    expect(parseRelayed(relayStatus("s1", { hostId: "h", state: "live" }))).toEqual({ kind: "status", from: "s1", hostId: "h", status: { hostId: "h", state: "live" } });
    expect(parseRelayed(relayAsk("s2", "h"))).toEqual({ kind: "ask", from: "s2", hostId: "h" });
    expect(parseRelayed(relayReleased("s1", "h"))).toEqual({ kind: "released", from: "s1", hostId: "h" });
  });

  it("keep a long status message under NOTIFY's 8000-byte payload limit", () => {
    const payload = relayStatus("s1", { hostId: "h", state: "down", message: "x".repeat(20_000) });
    expect(Buffer.byteLength(payload)).toBeLessThan(8000);
    expect(parseRelayed(payload)).toMatchObject({ kind: "status", status: { state: "down" } });
  });

  it("ignore anything else another client NOTIFYs on the channel", () => {
    for (const foreign of ["", "not json", "{}", '{"kind":"change","from":"x","hostId":"h","reason":"rm -rf"}', '{"kind":"status","from":"x","hostId":"h","status":{"hostId":"h","state":"owned"}}']) {
      expect(parseRelayed(foreign)).toBeNull();
    }
  });
});
