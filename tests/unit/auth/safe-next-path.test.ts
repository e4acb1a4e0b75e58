import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/auth/safe-next-path";

describe("where sign-in returns to", () => {
  it("keeps paths on this site", () => {
    expect(safeNextPath("/hosts/hv-a?tab=xml")).toBe("/hosts/hv-a?tab=xml");
    expect(safeNextPath(["/audit", "/users"])).toBe("/audit");
  });

  it("refuses other origins and loops", () => {
    for (const bad of [undefined, "", "https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "/login"]) {
      expect(safeNextPath(bad), String(bad)).toBe("/");
    }
  });
});
