import { describe, expect, it } from "vitest";
import { formatCommand } from "@/lib/audit/format";

describe("audit command display", () => {
  it("leaves plain words alone and quotes the rest POSIX-style", () => {
    expect(formatCommand(["virsh", "net-start", "--network", "default"])).toBe("virsh net-start --network default");
    expect(formatCommand(["virsh", "net-start", "it's $(x) a;b", ""])).toBe(`virsh net-start 'it'\\''s $(x) a;b' ''`);
  });
});
