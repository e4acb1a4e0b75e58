import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

// A throw-away PostgreSQL cluster from Debian's `postgresql` package: initdb in a
// temporary directory, on a free port, stopped and deleted afterwards. PostgreSQL
// refuses to run as root, so as root it runs as the `postgres` system user.

export type ThrowawayPostgres = { url: string; clusterDir: string; stop: () => Promise<void> };

/** The newest /usr/lib/postgresql/<version>/bin holding initdb, or null. */
export function findPostgresBin(): string | null {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const bin = path.join(base, v, "bin");
    if (existsSync(path.join(bin, "initdb")) && existsSync(path.join(bin, "pg_ctl"))) return bin;
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === "object" && addr ? addr.port : 0));
    });
  });
}

const asRoot = () => process.getuid?.() === 0;

function run(bin: string, args: string[]) {
  const [cmd, argv] = asRoot() ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  return execFileSync(cmd, argv, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
}

/**
 * Starts a cluster, or returns null when PostgreSQL is not installed.
 * Under CI=true a missing PostgreSQL throws: the store must be tested on both backends there.
 */
export async function startPostgres(): Promise<ThrowawayPostgres | null> {
  const bin = findPostgresBin();
  if (!bin) {
    if (process.env.CI === "true") throw new Error("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); install Debian's postgresql package");
    return null;
  }
  const root = mkdtempSync(path.join(os.tmpdir(), "switchyard-pg-"));
  const clusterDir = path.join(root, "cluster");
  if (asRoot()) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(root, uid, gid);
  }
  const port = await freePort();
  const stop = async () => {
    try {
      run(path.join(bin, "pg_ctl"), ["-D", clusterDir, "-m", "immediate", "-w", "stop"]);
    } catch {
      // already stopped, or never started
    }
    rmSync(root, { recursive: true, force: true });
  };
  try {
    run(path.join(bin, "initdb"), ["-D", clusterDir, "-U", "switchyard", "-A", "trust", "-E", "UTF8", "--no-sync"]);
    const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off`;
    run(path.join(bin, "pg_ctl"), ["-D", clusterDir, "-l", path.join(root, "server.log"), "-o", options, "-w", "-t", "60", "start"]);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url: `postgres://switchyard@127.0.0.1:${port}/postgres`, clusterDir, stop };
}
