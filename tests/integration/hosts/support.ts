import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { labHost, labRoot } from "@/lab";
import type { Operator } from "@/lib/auth/roles";
import { closeDb } from "@/lib/db/client";
import type { HostForm } from "@/lib/domain/host/schema";
import { closeAllConnections } from "@/lib/ssh";

// The hosts service against the lab, on a throw-away PGlite store of its own.

export const admin: Operator = { id: randomUUID(), username: "hosts-test-admin", role: "admin" };

export function useThrowawayStore() {
  let dir = "";
  beforeAll(() => {
    delete process.env.DATABASE_URL;
    delete process.env.SWITCHYARD_SECRET_KEY;
    dir = mkdtempSync(path.join(os.tmpdir(), "switchyard-hosts-"));
    process.env.SWITCHYARD_DATA_DIR = dir;
  });
  afterAll(async () => {
    closeAllConnections();
    await closeDb();
    rmSync(dir, { recursive: true, force: true });
    delete process.env.SWITCHYARD_DATA_DIR;
  });
  return () => dir;
}

type Login = "root-key" | "operator-password" | "outsider-password";

/** The add-host form as an operator would fill it for a lab host. */
export function labForm(host: string, login: Login, name = host): HostForm {
  const h = labHost(host);
  const base = { name, address: h.address, port: h.port };
  if (login === "root-key") {
    const privateKey = readFileSync(path.join(labRoot(), h.privateKeyPath), "utf8");
    return { ...base, username: h.user, authKind: "key", privateKey };
  }
  if (login === "operator-password") return { ...base, username: h.passwordUser, authKind: "password", password: h.password };
  return { ...base, username: h.outsiderUser, authKind: "password", password: h.outsiderPassword };
}

export const labFingerprint = (host: string) => labHost(host).hostKeyFingerprint!;
