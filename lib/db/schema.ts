// The whole store, one file per concern would scatter the foreign keys; the
// tables are small enough to read together. Changes go through a new
// drizzle-kit migration (`npx drizzle-kit generate`), never an edit of an old one.
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { PlanDraft } from "@/lib/domain/plan";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  username: text("username").notNull().unique(),
  /** scrypt$N$r$p$salt$hash, see lib/auth/password.ts */
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: ["viewer", "operator", "admin"] }).notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** sha256 of the cookie token: a stolen copy of the table cannot be replayed. */
    tokenHash: text("token_hash").notNull().unique(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Sign-in attempts per key ("user:<name>" or "addr:<ip>"), counted before the
 * password is checked by one atomic upsert (lib/auth/rate-limit.ts), so the
 * store is the one counter however many server processes share it.
 */
export const signInThrottle = pgTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  /** Attempts since the count was last cleared (a correct password, or an hour of quiet). */
  attempts: integer("attempts").notNull(),
  lastAt: timestamp("last_at", { withTimezone: true }).notNull().defaultNow(),
});

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    // Names are copied, not only referenced, so the record survives removing the user or host.
    actorId: uuid("actor_id"),
    actorUsername: text("actor_username").notNull(),
    hostId: uuid("host_id"),
    hostName: text("host_name"),
    action: text("action").notNull(),
    target: text("target").notNull(),
    /** argv arrays exactly as run */
    commands: jsonb("commands").$type<string[][]>().notNull(),
    xml: text("xml"),
    result: text("result").notNull(),
    detail: text("detail"),
  },
  (t) => [index("audit_log_at_idx").on(t.at)],
);

export const hosts = pgTable("hosts", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  address: text("address").notNull(),
  port: integer("port").notNull().default(22),
  username: text("username").notNull(),
  authKind: text("auth_kind", { enum: ["key", "password"] }).notNull(),
  /** AES-256-GCM, see lib/secrets; AAD is (id, "privateKey") */
  sealedPrivateKey: text("sealed_private_key"),
  /** AES-256-GCM, see lib/secrets; AAD is (id, "password") */
  sealedPassword: text("sealed_password"),
  hostKeyType: text("host_key_type"),
  /** "SHA256:…" as ssh-keygen prints it */
  hostKeyFingerprint: text("host_key_fingerprint"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  lastSeenAt: timestamp("last_seen_at", { withTimezone: true }),
  lastStatus: text("last_status"),
});

/** Cross-host networks (VXLAN segments, lib/domain/cross-host): the whole segment as the domain's CrossHostSegment. */
export const crossHostSegments = pgTable("cross_host_segments", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  vni: integer("vni").notNull().unique(),
  spec: jsonb("spec").notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** A deleted segment's part on a host that was down: removed the next time that host is read. */
export const crossHostPendingRemovals = pgTable("cross_host_pending_removals", {
  id: uuid("id").primaryKey().defaultRandom(),
  hostId: uuid("host_id").notNull().references(() => hosts.id, { onDelete: "cascade" }),
  segmentName: text("segment_name").notNull(),
  /** argv lists run in order, each allowed to fail (the part may be half gone). */
  commands: jsonb("commands").notNull(),
  createdAt: createdAt(),
});

/**
 * Plans between "plan" and "apply" (lib/changes/plan-store.ts). In the store, not
 * in a process's memory, so a plan made through one server applies through any
 * other. `operator_id` is not a foreign key: a plan lives ten minutes and is only
 * ever read back together with the id of the signed-in operator.
 */
export const plans = pgTable(
  "plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    operatorId: text("operator_id").notNull(),
    /** The PlanDraft as prepared: steps, argv, stdin and XML, exactly as shown. */
    draft: jsonb("draft").$type<PlanDraft>().notNull(),
    /** All the XML it carries (shown XML and every stdin), counted against the store-wide budget. */
    xmlBytes: integer("xml_bytes").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("plans_operator_idx").on(t.operatorId), index("plans_expires_idx").on(t.expiresAt)],
);

/**
 * "Generate key pair" (lib/hosts/generated-keys.ts): the private key between
 * generating it and adding the host, so the add may land on any server. Read
 * only together with the owner's id; deleted once the host holds its own copy.
 */
export const generatedKeys = pgTable(
  "generated_keys",
  {
    id: uuid("id").primaryKey(),
    ownerId: text("owner_id").notNull(),
    /** AES-256-GCM, see lib/secrets; AAD is (id, "generatedPrivateKey") */
    sealedPrivateKey: text("sealed_private_key").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("generated_keys_expires_idx").on(t.expiresAt)],
);

export type UserRow = typeof users.$inferSelect;
export type HostRow = typeof hosts.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
