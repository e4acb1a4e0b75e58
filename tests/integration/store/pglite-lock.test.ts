import { mkdtempSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lockDataDir } from "@/lib/db/pglite-lock";

// PGlite has no lock between processes; two on one directory corrupt it.
describe("one process per PGlite directory", () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "switchyard-lock-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("refuses a directory held by another live process, naming it", () => {
    const dir = fresh();
    writeFileSync(path.join(dir, "switchyard.pid"), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by another Switchyard process \\(pid ${process.ppid}\\)`));
  });

  it("takes over a lock left by a dead process, and releases it", () => {
    const dir = fresh();
    writeFileSync(path.join(dir, "switchyard.pid"), "2147483646");
    const release = lockDataDir(dir);
    expect(readFileSync(path.join(dir, "switchyard.pid"), "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(path.join(dir, "switchyard.pid"))).toBe(false);
  });

  it("refuses opening the same directory twice in one process", () => {
    const dir = fresh();
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(/already open in this process/);
    release();
  });
});
