import { randomBytes, randomUUID } from "node:crypto";
import { rmSync, statSync, readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { hosts } from "@/lib/db/schema";
import { keyFilePath, openHostSecret, sealHostCredentials } from "@/lib/secrets";
import { describeEachBackend } from "./backends";
import { filesContaining } from "./grep-files";

const rowsOf = (result: unknown) => ((result as { rows?: unknown[] }).rows ?? result) as Record<string, unknown>[];

async function addHost(name: string, creds: { password?: string; privateKey?: string }, username = "root") {
  const id = randomUUID();
  const db = await getDb();
  await db.insert(hosts).values({ id, name, address: "192.0.2.10", username, authKind: creds.password ? "password" : "key", ...sealHostCredentials(id, creds) });
  const [row] = await db.select().from(hosts).where(eq(hosts.id, id));
  return row!;
}

describeEachBackend("secrets at rest", (backend) => {
  it("never writes a host password in plain text: not in the data directory, the tables, or the cluster's files", async () => {
    const password = `pw-${randomUUID()}`;
    // A positive control: a value stored in clear must be found by the same search.
    const marker = `user-${randomUUID()}`;
    const host = await addHost("hv-secret", { password }, marker);
    expect(openHostSecret(host, "password")).toEqual({ ok: true, data: password });
    const db = await getDb();
    await db.execute(sql`checkpoint`);

    const tables = rowsOf(await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public'`));
    for (const { table_name } of tables) {
      const dump = JSON.stringify(rowsOf(await db.execute(sql.raw(`select row_to_json(t)::text as r from "${String(table_name)}" t`))));
      expect(dump, `table ${String(table_name)}`).not.toContain(password);
    }
    expect(filesContaining(backend().dataDir, password)).toEqual([]);
    if (backend().pg) {
      expect(filesContaining(backend().pg!.clusterDir, password)).toEqual([]);
      expect(filesContaining(backend().pg!.clusterDir, marker).length).toBeGreaterThan(0);
    } else {
      expect(filesContaining(backend().dataDir, marker).length).toBeGreaterThan(0);
    }
  });

  it("generates the key file once, readable by its owner only", async () => {
    await addHost("hv-key-1", { password: "one" });
    const first = readFileSync(keyFilePath(), "utf8");
    await addHost("hv-key-2", { password: "two" });
    expect(readFileSync(keyFilePath(), "utf8")).toBe(first);
    expect(statSync(keyFilePath()).mode & 0o777).toBe(0o600);
  });

  it("gives each write its own nonce", async () => {
    const a = sealHostCredentials("same-row", { password: "same" }).sealedPassword!;
    const b = sealHostCredentials("same-row", { password: "same" }).sealedPassword!;
    expect(a).not.toBe(b);
  });

  it("refuses a ciphertext swapped into another row or another field, naming the host", async () => {
    const a = await addHost("hv-a", { password: "a-secret" });
    const b = await addHost("hv-b", { privateKey: "b-key" });
    const swapped = openHostSecret({ ...b, sealedPassword: a.sealedPassword }, "password");
    expect(swapped).toMatchObject({ ok: false, code: "secret-unreadable" });
    expect(!swapped.ok && swapped.message).toMatch(/host "hv-b".*(altered|copied)/);
    const otherField = openHostSecret({ ...a, sealedPrivateKey: a.sealedPassword }, "privateKey");
    expect(!otherField.ok && otherField.message).toContain('host "hv-a"');
  });

  it("refuses a tampered ciphertext", async () => {
    const host = await addHost("hv-tamper", { password: "tamper-secret" });
    const parts = host.sealedPassword!.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = body[0]! ^ 1;
    const tampered = [...parts.slice(0, 3), body.toString("base64url")].join(".");
    const result = openHostSecret({ ...host, sealedPassword: tampered }, "password");
    expect(result).toMatchObject({ ok: false, code: "secret-unreadable" });
    expect(!result.ok && result.message).toContain('host "hv-tamper"');
    expect(openHostSecret({ ...host, sealedPassword: "garbage" }, "password")).toMatchObject({ ok: false });
  });

  it("refuses a wrong, malformed or missing key with a clear error naming the host", async () => {
    const host = await addHost("hv-keys", { password: "key-secret" });
    try {
      process.env.SWITCHYARD_SECRET_KEY = randomBytes(32).toString("base64");
      const wrong = openHostSecret(host, "password");
      expect(!wrong.ok && wrong.message).toMatch(/host "hv-keys".*different key/);

      process.env.SWITCHYARD_SECRET_KEY = randomBytes(16).toString("base64");
      const short = openHostSecret(host, "password");
      expect(!short.ok && short.message).toMatch(/host "hv-keys".*SWITCHYARD_SECRET_KEY must hold 32 bytes/);

      delete process.env.SWITCHYARD_SECRET_KEY;
      rmSync(keyFilePath());
      const missing = openHostSecret(host, "password");
      expect(!missing.ok && missing.message).toMatch(/host "hv-keys".*no key/);
    } finally {
      delete process.env.SWITCHYARD_SECRET_KEY;
    }
  });

  it("uses SWITCHYARD_SECRET_KEY when set", async () => {
    process.env.SWITCHYARD_SECRET_KEY = randomBytes(32).toString("base64");
    try {
      const host = await addHost("hv-envkey", { password: "env-secret" });
      expect(openHostSecret(host, "password")).toEqual({ ok: true, data: "env-secret" });
    } finally {
      delete process.env.SWITCHYARD_SECRET_KEY;
    }
  });
});
