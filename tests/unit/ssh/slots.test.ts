import { describe, expect, it } from "vitest";
import { ChannelSlots } from "@/lib/ssh/slots";

describe("ChannelSlots", () => {
  it("grants up to the limit, queues the rest in order, releases once", async () => {
    const slots = new ChannelSlots(2);
    const a = await slots.acquire();
    const b = await slots.acquire();
    const order: string[] = [];
    const c = slots.acquire().then((r) => (order.push("c"), r));
    const d = slots.acquire().then((r) => (order.push("d"), r));
    expect(slots.active).toBe(2);
    expect(slots.queued).toBe(2);
    a();
    a(); // idempotent: must not free a second slot
    await c;
    expect(slots.active).toBe(2);
    expect(slots.queued).toBe(1);
    b();
    (await d)();
    (await c)();
    expect(order).toEqual(["c", "d"]);
    expect(slots.active).toBe(0);
    expect(slots.highWater).toBe(2);
  });

  it("refuses waiters when the connection goes away", async () => {
    const slots = new ChannelSlots(1);
    await slots.acquire();
    const waiting = slots.acquire();
    slots.refuseWaiting(new Error("gone"));
    await expect(waiting).rejects.toThrow("gone");
  });
});
