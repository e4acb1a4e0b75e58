import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe } from "vitest";
import { closeDb } from "@/lib/db/client";
import { findPostgresBin, startPostgres, type ThrowawayPostgres } from "../../support/postgres";

export type Backend = { name: "pglite" | "postgres"; dataDir: string; pg?: ThrowawayPostgres };

const STORE_ENV = ["SWITCHYARD_DATA_DIR", "DATABASE_URL", "SWITCHYARD_SECRET_KEY", "SWITCHYARD_ADMIN_USER", "SWITCHYARD_ADMIN_PASSWORD", "SWITCHYARD_SESSION_TTL_SECONDS"];

// Outside CI a machine without PostgreSQL skips that half; under CI=true
// startPostgres throws instead, so the suite fails rather than passing on PGlite alone.
const postgresRunnable = process.env.CI === "true" || findPostgresBin() !== null;

/**
 * Runs the same suite on PGlite (a fresh temporary data directory) and on a
 * throw-away PostgreSQL cluster. The store is chosen by environment, as in production.
 */
export function describeEachBackend(title: string, suite: (backend: () => Backend) => void) {
  for (const name of ["pglite", "postgres"] as const) {
    describe.skipIf(name === "postgres" && !postgresRunnable)(`${title} [${name}]`, () => {
      let current: Backend | undefined;
      beforeAll(async () => {
        for (const key of STORE_ENV) delete process.env[key];
        const dataDir = mkdtempSync(path.join(os.tmpdir(), "switchyard-store-"));
        process.env.SWITCHYARD_DATA_DIR = dataDir;
        current = { name, dataDir };
        if (name === "postgres") {
          current.pg = (await startPostgres()) ?? undefined;
          process.env.DATABASE_URL = current.pg!.url;
        }
      });
      afterAll(async () => {
        await closeDb();
        await current?.pg?.stop();
        if (current) rmSync(current.dataDir, { recursive: true, force: true });
        for (const key of STORE_ENV) delete process.env[key];
      });
      suite(() => current!);
    });
  }
}
