import { describe, expect, it } from "vitest";
import { addressKey, lockedUntil, userKey, WINDOW_MS } from "@/lib/auth/rate-limit-policy";

describe("rate limit policy", () => {
  const at = (s: number) => new Date(1_700_000_000_000 + s * 1000);

  it("allows attempts below the limit", () => {
    expect(lockedUntil([], 3)).toBeNull();
    expect(lockedUntil([at(0), at(1)], 3)).toBeNull();
  });

  it("locks until the oldest counting failure leaves the window", () => {
    expect(lockedUntil([at(0), at(1), at(2)], 3)).toEqual(new Date(at(0).getTime() + WINDOW_MS));
    expect(lockedUntil([at(0), at(1), at(2), at(3)], 3)).toEqual(new Date(at(1).getTime() + WINDOW_MS));
  });

  it("counts a username however it is capitalised, and keeps users apart from addresses", () => {
    expect(userKey(" Admin ")).toBe(userKey("admin"));
    expect(userKey("1.2.3.4")).not.toBe(addressKey("1.2.3.4"));
  });
});
