import { describe, expect, it } from "vitest";
import { hasRole, isRole, ROLES } from "@/lib/auth/roles";

describe("roles", () => {
  it("orders viewer < operator < admin", () => {
    const table = ROLES.map((actual) => ROLES.map((required) => hasRole(actual, required)));
    expect(table).toEqual([
      [true, false, false],
      [true, true, false],
      [true, true, true],
    ]);
  });

  it("recognises only the three roles", () => {
    expect(ROLES.every(isRole)).toBe(true);
    expect(isRole("root")).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
