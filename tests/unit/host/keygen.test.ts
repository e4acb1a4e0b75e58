import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { utils } from "ssh2";
import { describe, expect, it } from "vitest";
import { generateEd25519KeyPair } from "@/lib/hosts/keygen";

describe("generateEd25519KeyPair", () => {
  const pair = generateEd25519KeyPair("switchyard@hv-a");

  it("writes a private key ssh2 can use, matching the public line", () => {
    const parsed = utils.parseKey(pair.privateKey);
    if (parsed instanceof Error) throw parsed;
    expect(parsed.type).toBe("ssh-ed25519");
    expect(`ssh-ed25519 ${parsed.getPublicSSH().toString("base64")} switchyard@hv-a`).toBe(pair.publicKey);
  });

  it("is what ssh-keygen reads, with the fingerprint ssh-keygen prints", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "keygen-")), "id");
    writeFileSync(file, pair.privateKey, { mode: 0o600 });
    const derived = execFileSync("ssh-keygen", ["-y", "-f", file], { encoding: "utf8" });
    expect(derived.split(" ").slice(0, 2)).toEqual(pair.publicKey.split(" ").slice(0, 2));
    writeFileSync(`${file}.pub`, pair.publicKey);
    expect(execFileSync("ssh-keygen", ["-l", "-E", "sha256", "-f", `${file}.pub`], { encoding: "utf8" })).toContain(pair.fingerprint);
  });
});
