import "server-only";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { migrationsFolder, storeTarget, type StoreTarget } from "./config";
import { lockDataDir } from "./pglite-lock";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
type Store = { db: Db; close: () => Promise<void> };

// Drivers are imported inside the function so that importing this module (as
// `next build` does while collecting pages) never loads PGlite or opens anything.
async function openPglite(dataDir: string): Promise<Store> {
  const unlock = lockDataDir(dataDir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const client = await PGlite.create(dataDir);
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder: migrationsFolder() });
    return { db, close: async () => { await client.close(); unlock(); } };
  } catch (err) {
    unlock();
    throw err;
  }
}

async function openPostgres(url: string): Promise<Store> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const pool = new Pool({ connectionString: url, max: 10 });
  const db = drizzle(pool, { schema });
  await migrate(db, { migrationsFolder: migrationsFolder() });
  return { db, close: () => pool.end() };
}

export function openStore(target: StoreTarget): Promise<Store> {
  return target.kind === "pglite" ? openPglite(target.dataDir) : openPostgres(target.url);
}

// Kept on globalThis, not in a module variable: Next bundles instrumentation.ts
// and the routes separately (and dev reloads modules), and a second module copy
// would open the same PGlite directory twice in one process.
const slot = Symbol.for("switchyard.store");
type Holder = { [slot]?: Promise<Store> };
const holder = globalThis as Holder;

/** The process-wide database, opened and migrated on first use. */
export async function getDb(): Promise<Db> {
  let store = holder[slot];
  if (!store) {
    store = holder[slot] = openStore(storeTarget());
    // A failed open must not be memoised, or the server could never recover.
    store.catch(() => {
      if (holder[slot] === store) delete holder[slot];
    });
  }
  return (await store).db;
}

/** Closes the process-wide database; the next getDb() opens it again (tests switch stores this way). */
export async function closeDb(): Promise<void> {
  const store = holder[slot];
  delete holder[slot];
  if (store) await (await store.catch(() => undefined))?.close();
}
