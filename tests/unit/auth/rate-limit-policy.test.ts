import { describe, expect, it } from "vitest";
import { addressKey, BASE_DELAY_SECONDS, delaySeconds, MAX_DELAY_SECONDS, userKey } from "@/lib/auth/rate-limit-policy";

describe("rate limit policy", () => {
  it("lets the free attempts through without waiting", () => {
    expect(delaySeconds(0, 5)).toBe(0);
    expect(delaySeconds(4, 5)).toBe(0);
  });

  it("doubles the wait with each attempt past the limit, up to a cap, so the owner is never locked out for good", () => {
    expect([5, 6, 7, 8, 9, 10, 50].map((n) => delaySeconds(n, 5))).toEqual([60, 120, 240, 480, 900, 900, 900]);
    expect(BASE_DELAY_SECONDS).toBe(60);
    expect(MAX_DELAY_SECONDS).toBe(900);
  });

  it("counts a username however it is capitalised, and keeps users apart from addresses", () => {
    expect(userKey(" Admin ")).toBe(userKey("admin"));
    expect(userKey("1.2.3.4")).not.toBe(addressKey("1.2.3.4"));
  });
});
