import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { permissionProblems } from "@/lib/secrets/permissions";

// The start-up check on real files and modes: each problem is one line that
// names the path, its mode and the chmod that fixes it.

const made: string[] = [];
function dataDir(mode: number, keyMode?: number) {
  const root = mkdtempSync(path.join(tmpdir(), "sy-perm-"));
  made.push(root);
  const dir = path.join(root, "data");
  mkdirSync(dir);
  chmodSync(dir, mode);
  const keyFile = path.join(dir, "secret.key");
  if (keyMode !== undefined) {
    writeFileSync(keyFile, "key\n");
    chmodSync(keyFile, keyMode);
  }
  return { dataDir: dir, keyFile, keyFromEnv: false };
}

afterEach(() => {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe("start-up permission checks", () => {
  it("passes a private directory and key, and paths that do not exist yet", () => {
    expect(permissionProblems(dataDir(0o700, 0o600))).toEqual([]);
    expect(permissionProblems(dataDir(0o755, 0o400))).toEqual([]);
    expect(permissionProblems({ dataDir: "/nonexistent/sy", keyFile: "/nonexistent/sy/secret.key", keyFromEnv: false })).toEqual([]);
  });

  it("refuses a key file others can read, with the chmod that fixes it", () => {
    const inputs = dataDir(0o700, 0o644);
    expect(permissionProblems(inputs)).toEqual([
      `Switchyard will not start: the secret key file ${inputs.keyFile} can be read by other users (mode 0644); fix it with: chmod 600 '${inputs.keyFile}'`,
    ]);
    expect(permissionProblems(dataDir(0o700, 0o640))).toHaveLength(1);
  });

  it("refuses a data directory others can write, one line each problem", () => {
    const inputs = dataDir(0o777, 0o604);
    const lines = permissionProblems(inputs);
    expect(lines).toEqual([
      `Switchyard will not start: the data directory ${inputs.dataDir} is writable by other users (mode 0777); fix it with: chmod go-w '${inputs.dataDir}'`,
      `Switchyard will not start: the secret key file ${inputs.keyFile} can be read by other users (mode 0604); fix it with: chmod 600 '${inputs.keyFile}'`,
    ]);
    for (const line of lines) expect(line).not.toContain("\n");
    expect(permissionProblems(dataDir(0o770))).toHaveLength(1);
  });

  it("does not look at the key file when the key comes from SWITCHYARD_SECRET_KEY", () => {
    expect(permissionProblems({ ...dataDir(0o700, 0o644), keyFromEnv: true })).toEqual([]);
  });
});
