import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/auth/safe-next-path";

describe("where sign-in returns to", () => {
  it("keeps paths on this site", () => {
    expect(safeNextPath("/hosts/hv-a?tab=xml")).toBe("/hosts/hv-a?tab=xml");
    expect(safeNextPath(["/audit", "/users"])).toBe("/audit");
    expect(safeNextPath("/networks#top")).toBe("/networks#top");
    expect(safeNextPath("/hosts/hv-a/networks/n%C3%A9t")).toBe("/hosts/hv-a/networks/n%C3%A9t");
  });

  it("refuses other origins, however they are disguised, and loops", () => {
    const bad = [
      undefined, "", "https://evil.example", "//evil.example", "/\\evil.example", "\\\\evil.example", "javascript:alert(1)", "/login", "/login?next=/x",
      "/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "/%09/evil.example", "/%0a/evil.example", "/%2F/evil.example", "/%5Cevil.example",
      "/\u0000/evil.example", "/ /evil.example", "/\u00a0/evil.example", "/\u2028/evil.example", "%2F%2Fevil.example", "/%E0%A4%A", "/x\\y",
      "/" + "a".repeat(3000),
    ];
    for (const path of bad) expect(safeNextPath(path), JSON.stringify(path)).toBe("/");
  });
});
