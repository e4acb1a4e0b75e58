import "server-only";
import path from "node:path";

export type StoreTarget = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };

/** Where runtime state lives: the PGlite cluster, and the secret key file. */
export function dataDir(): string {
  // Runtime location, not a build input: keep the bundler from tracing the whole project.
  return path.resolve(/*turbopackIgnore: true*/ process.env.SWITCHYARD_DATA_DIR || "./data");
}

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite in the data directory. */
export function storeTarget(): StoreTarget {
  const url = process.env.DATABASE_URL?.trim();
  return url ? { kind: "postgres", url } : { kind: "pglite", dataDir: path.join(dataDir(), "pglite") };
}

/** Resolved from the working directory: `next start` and the tests both run from the repo root. */
export function migrationsFolder(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.SWITCHYARD_MIGRATIONS_DIR || path.join(process.cwd(), "drizzle"));
}
