import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { labExec, labHost, labRoot } from "@/lab";
import { startPostgres, type ThrowawayPostgres } from "../../support/postgres";
import { startServer, type RunningServer } from "../support/server";

// Several production servers of the suite's build on one throw-away PostgreSQL,
// as a site behind a load balancer runs them: same DATABASE_URL, same sealing
// key, same first admin. The store is seeded with the lab's hosts once.

export type Fleet = {
  pg: ThrowawayPostgres;
  env: Record<string, string>;
  adminUser: string;
  adminPassword: string;
  start(): Promise<RunningServer>;
  stop(): Promise<void>;
};

export async function startFleetStore(): Promise<Fleet> {
  const pg = await startPostgres();
  if (!pg) throw new Error("PostgreSQL is not installed (Debian's postgresql package); the multi-server proof needs it");
  const adminUser = "admin";
  const adminPassword = `multi-${randomBytes(12).toString("base64url")}`;
  const env = {
    DATABASE_URL: pg.url,
    SWITCHYARD_SECRET_KEY: randomBytes(32).toString("base64"),
    SWITCHYARD_ADMIN_USER: adminUser,
    SWITCHYARD_ADMIN_PASSWORD: adminPassword,
  };
  const dir = path.join(labRoot(), ".test-data");
  mkdirSync(dir, { recursive: true });
  const seedDir = mkdtempSync(path.join(dir, "e2e-multi-seed-"));
  const seeded = spawnSync("npx", ["tsx", "scripts/demo-seed.ts"], { cwd: labRoot(), env: { ...process.env, ...env, SWITCHYARD_DATA_DIR: seedDir }, encoding: "utf8" });
  rmSync(seedDir, { recursive: true, force: true });
  if (seeded.status !== 0) {
    await pg.stop();
    throw new Error(`demo-seed failed: ${seeded.stderr}`);
  }
  const servers: RunningServer[] = [];
  return {
    pg,
    env,
    adminUser,
    adminPassword,
    async start() {
      const server = await startServer(env);
      servers.push(server);
      return server;
    },
    async stop() {
      for (const server of servers) await server.stop().catch(() => {});
      await pg.stop();
    },
  };
}

/** The pid listening on a server's port: the Node process that runs its routes and SSH connections. */
export function listeningPid(baseURL: string): number {
  const port = new URL(baseURL).port;
  const listen = execFileSync("ss", ["-tlnpH", `( sport = :${port} )`], { encoding: "utf8" });
  const pid = /pid=(\d+)/.exec(listen)?.[1];
  if (!pid) throw new Error(`nothing listens on port ${port}`);
  return Number(pid);
}

/**
 * The event scripts on `host` that belong to these server pids, by owner pid.
 * Each script runs one `virsh net-event` loop tagged SY_EVENTS_OWNER=<name>:<pid>
 * (see lib/events/remote-script.ts); the lab shares one pid namespace, so the
 * sshd session's SSH_CONNECTION tells which lab host a loop runs on.
 */
export async function eventScripts(host: string, pids: number[]): Promise<number[]> {
  const here = new RegExp(`SSH_CONNECTION=\\S+ \\d+ ${labHost(host).address.replace(/\./g, "\\.")} `);
  const { stdout } = await labExec(host, ["ps", "eww", "-eo", "comm=,args="]);
  const owners: number[] = [];
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("virsh ") || !line.includes(" net-event ") || !here.test(line)) continue;
    const pid = Number(/SY_EVENTS_OWNER=\S*:(\d+)(\s|$)/.exec(line)?.[1]);
    if (pids.includes(pid)) owners.push(pid);
  }
  return owners;
}
