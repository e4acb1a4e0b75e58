import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../support/server";

// The production server refuses to start on a data directory others can write
// or with a key file others can read, and says in one line how to fix it; the
// fix it names is enough to start.

const root = path.resolve(__dirname, "../../..");
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  mkdirSync(path.join(root, ".test-data"), { recursive: true });
  const dir = mkdtempSync(path.join(root, ".test-data", "e2e-startup-"));
  made.push(dir);
  return dir;
}

/** Starts `next start` and resolves when it exits or first answers HTTP. */
async function start(dir: string): Promise<{ exitCode: number | null; stderr: string; answered: boolean }> {
  const port = await freePort();
  const child = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      SWITCHYARD_DATA_DIR: dir,
      SWITCHYARD_SECRET_KEY: "",
      SWITCHYARD_ADMIN_USER: "admin",
      SWITCHYARD_ADMIN_PASSWORD: `startup-${randomBytes(9).toString("base64url")}`,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
  child.stdout!.resume();
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  let answered = false;
  while (Date.now() < deadline && child.exitCode === null) {
    const res = await fetch(`http://127.0.0.1:${port}/login`).catch(() => null);
    if (res && res.status < 500) {
      answered = true;
      break;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  if (child.exitCode === null) {
    process.kill(-child.pid!, "SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  }
  return { exitCode: child.exitCode, stderr, answered };
}

describe("start-up permission checks", () => {
  it("a data directory others can write stops the server with one line naming the fix, and the fix lets it start", async () => {
    const dir = dataDir();
    chmodSync(dir, 0o777);
    const refused = await start(dir);
    expect(refused.answered).toBe(false);
    expect(refused.exitCode).toBe(1);
    const line = refused.stderr.split("\n").find((l) => l.includes("Switchyard will not start"));
    expect(line).toBe(`Switchyard will not start: the data directory ${dir} is writable by other users (mode 0777); fix it with: chmod go-w '${dir}'`);

    // Run the fix exactly as printed.
    const fix = line!.split("fix it with: ")[1]!;
    expect(spawnSync("sh", ["-c", fix]).status).toBe(0);
    const started = await start(dir);
    expect(started.answered, started.stderr).toBe(true);
  });

  it("a secret key file others can read stops the server with one line naming the fix", async () => {
    const dir = dataDir();
    const key = path.join(dir, "secret.key");
    writeFileSync(key, randomBytes(32).toString("base64") + "\n");
    chmodSync(key, 0o644);
    const refused = await start(dir);
    expect(refused.answered).toBe(false);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain(`Switchyard will not start: the secret key file ${key} can be read by other users (mode 0644); fix it with: chmod 600 '${key}'`);
  });
});
