import { describe, expect, it } from "vitest";
import { generateMac, macSchema, macsInUse } from "@/lib/domain/interfaces/mac";
import { hostB } from "./fixture";

describe("MAC addresses", () => {
  it("generates 52:54:00 addresses and skips ones in use", () => {
    const bytes: [number, number, number][] = [[0xaa, 0xbb, 0xcc], [1, 2, 3]];
    const mac = generateMac(new Set(["52:54:00:aa:bb:cc"]), () => bytes.shift()!);
    expect(mac).toBe("52:54:00:01:02:03");
  });

  it("knows the host's MACs (guests' NICs and links)", () => {
    const used = macsInUse(hostB());
    const web1 = hostB().domains.find((d) => d.name === "web1")!.interfaces[0]!.mac!;
    expect(used.has(web1)).toBe(true);
  });

  it("normalises typed addresses to lower case", () => {
    expect(macSchema.parse(" 52:54:00:AB:CD:EF ")).toBe("52:54:00:ab:cd:ef");
  });

  it.each(["52:54:00:ab:cd", "52-54-00-ab-cd-ef", "zz:54:00:ab:cd:ef", "00:00:00:00:00:00", "01:00:5e:00:00:01", "ff:ff:ff:ff:ff:ff"])("refuses %s", (mac) => {
    expect(macSchema.safeParse(mac).success).toBe(false);
  });
});
