import { describe, expect, it } from "vitest";
import { isValidInterfaceName, newNameProblem } from "@/lib/domain/interfaces/names";
import { hostB } from "./fixture";

describe("interface names", () => {
  it.each(["br0", "syif-br", "a", "eth0.100", "tap_1", "x23456789012345"])("accepts %s", (name) => {
    expect(isValidInterfaceName(name)).toBe(true);
  });

  // iproute2 reads "-oops" as an option and has no "--"; 16 bytes overflow IFNAMSIZ.
  it.each(["-oops", "", "x234567890123456", "br 0", "br/0", "br:0", ".hidden", "_x", "help", "dev", "bré"])("refuses %j", (name) => {
    expect(isValidInterfaceName(name)).toBe(false);
  });

  it("refuses a name the host already uses, and names it", () => {
    expect(newNameProblem(hostB().links, "br0")).toMatch(/br0 already exists/);
    expect(newNameProblem(hostB().links, "syif-new")).toBeNull();
  });
});
