import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { randomBytes } from "node:crypto";
import path from "node:path";

const root = path.resolve(__dirname, "../../..");
export const artefactsDir = path.join(root, "test-results");

export type RunningServer = {
  baseURL: string;
  adminUser: string;
  adminPassword: string;
  dataDir: string;
  stop: () => Promise<void>;
};

/** `next build` once per run; SWITCHYARD_E2E_SKIP_BUILD=1 reuses an existing build while iterating. */
export async function buildOnce() {
  if (process.env.SWITCHYARD_E2E_SKIP_BUILD === "1") return;
  const result = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error(`next build failed with exit code ${result.status}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early with code ${child.exitCode}; see test-results/server.log`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not answer ${url} within ${timeoutMs} ms`);
}

export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  mkdirSync(artefactsDir, { recursive: true });
  mkdirSync(path.join(root, ".test-data"), { recursive: true });
  const dataDir = mkdtempSync(path.join(root, ".test-data", "e2e-"));
  const port = await freePort();
  const adminUser = "admin";
  const adminPassword = `e2e-${randomBytes(12).toString("base64url")}`;
  const log = createWriteStream(path.join(artefactsDir, `server-${port}.log`));
  const child = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      SWITCHYARD_DATA_DIR: dataDir,
      SWITCHYARD_ADMIN_USER: adminUser,
      SWITCHYARD_ADMIN_PASSWORD: adminPassword,
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const baseURL = `http://127.0.0.1:${port}`;
  await waitForHttp(`${baseURL}/`, child, 60_000);
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      return;
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
  };
  return { baseURL, adminUser, adminPassword, dataDir, stop };
}
