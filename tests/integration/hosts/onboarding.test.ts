import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { addHost, getHostTarget, listHosts, probeHostKey, readHostStatus } from "@/lib/hosts";
import { generateEd25519KeyPair } from "@/lib/hosts/keygen";
import { admin, labFingerprint, labForm, useThrowawayStore } from "./support";

/** Every byte under dir, as latin1 text, to look for a secret in plain text. */
function allBytes(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile())
    .map((f) => readFileSync(f).toString("latin1"))
    .join("\n");
}

describe("adding hosts against the lab", () => {
  const dataDir = useThrowawayStore();

  it("fetches each host's key without logging in, as .lab/hosts.json has it", async () => {
    for (const host of ["hv-a", "hv-b"]) {
      const { name, address, port, username, authKind } = labForm(host, "root-key");
      const probed = await probeHostKey({ name, address, port, username, authKind });
      expect(probed).toEqual({ ok: true, data: { keyType: "ssh-ed25519", fingerprint: labFingerprint(host) } });
    }
  });

  it("adds hv-a by key and hv-b by password, both connected with libvirt 9.0.0", async () => {
    const a = await addHost(admin, { form: labForm("hv-a", "root-key"), keyType: "ssh-ed25519", fingerprint: labFingerprint("hv-a") });
    const b = await addHost(admin, { form: labForm("hv-b", "operator-password"), keyType: "ssh-ed25519", fingerprint: labFingerprint("hv-b") });
    expect(a.ok && b.ok).toBe(true);
    for (const name of ["hv-a", "hv-b"]) {
      const status = await readHostStatus(name);
      expect(status).toMatchObject({ state: "connected", versions: { libvirt: "9.0.0" } });
      expect(status!.counts!.networks).toBeGreaterThan(0);
    }
    const target = await getHostTarget("hv-b");
    expect(target).toMatchObject({ username: "operator", auth: { kind: "password" }, pinnedFingerprint: labFingerprint("hv-b") });
  });

  it("stores the secrets sealed: not in plain text anywhere in the data directory", async () => {
    const password = labForm("hv-b", "operator-password").password!;
    const keyBody = labForm("hv-a", "root-key").privateKey!.split("\n")[1]!;
    const bytes = allBytes(dataDir());
    expect(bytes).not.toContain(password);
    expect(bytes).not.toContain(keyBody);
    const listed = JSON.stringify(await listHosts());
    expect(listed).not.toMatch(/sealed|PRIVATE KEY/);
  });

  it("refuses a wrong password and a wrong key on their fields, storing nothing", async () => {
    const wrongPassword = await addHost(admin, {
      form: { ...labForm("hv-b", "operator-password", "hv-b-wrong"), password: "not-the-password" },
      keyType: "ssh-ed25519",
      fingerprint: labFingerprint("hv-b"),
    });
    expect(wrongPassword).toMatchObject({ ok: false, code: "auth-failed", fieldErrors: { password: expect.stringMatching(/did not accept the SSH password of operator/) } });
    const strangerKey = generateEd25519KeyPair("stranger").privateKey;
    const wrongKey = await addHost(admin, {
      form: { ...labForm("hv-a", "root-key", "hv-a-wrong"), privateKey: strangerKey },
      keyType: "ssh-ed25519",
      fingerprint: labFingerprint("hv-a"),
    });
    expect(wrongKey).toMatchObject({ ok: false, code: "auth-failed", fieldErrors: { privateKey: expect.stringMatching(/did not accept the private key of root/) } });
    expect((await listHosts()).map((h) => h.name)).toEqual(["hv-a", "hv-b"]);
  });

  it("explains that outsider is not in the libvirt group", async () => {
    const result = await addHost(admin, { form: labForm("hv-a", "outsider-password", "hv-a-outsider"), keyType: "ssh-ed25519", fingerprint: labFingerprint("hv-a") });
    expect(result).toMatchObject({ ok: false, code: "permission-denied" });
    expect(!result.ok && result.message).toMatch(/outsider is not in the libvirt group/);
  });

  it("sends no credential when the host offers another key than the trusted one", async () => {
    const result = await addHost(admin, { form: labForm("hv-a", "root-key", "hv-a-other"), keyType: "ssh-ed25519", fingerprint: labFingerprint("hv-b") });
    expect(result).toMatchObject({ ok: false, code: "host-key-changed" });
  });
});
