import "server-only";

export { getDb, closeDb, openStore, type Db } from "./client";
export { dataDir, storeTarget } from "./config";
export * as schema from "./schema";
export type { UserRow, HostRow, AuditRow } from "./schema";
