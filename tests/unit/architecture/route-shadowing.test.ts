import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// A libvirt name may be anything but '/', "new" and "export" included. A
// static folder beside a dynamic segment (app/hosts/[host]/networks/new next
// to [name]) would win over it, and the network called that could never be
// opened. So a folder holding a [dynamic] segment holds no other route folder.

const app = path.resolve(__dirname, "../../../app");

function folders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
}

function shadowing(dir: string): string[] {
  const names = folders(dir);
  const here = names.some((n) => n.startsWith("[")) ? names.filter((n) => !n.startsWith("[")).map((n) => path.relative(app, path.join(dir, n))) : [];
  return [...here, ...names.flatMap((n) => shadowing(path.join(dir, n)))];
}

describe("routes", () => {
  it("no static segment sits beside a dynamic one", () => {
    expect(shadowing(app)).toEqual([]);
  });
});
