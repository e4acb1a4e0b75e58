// .lab/hosts.json has exactly the shape the issue fixes, with paths that exist.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { labRoot } from "@/lab";

const raw = JSON.parse(readFileSync(path.join(labRoot(), ".lab", "hosts.json"), "utf8")) as { hosts: Record<string, unknown>[] };
const KEYS = ["name", "address", "port", "user", "privateKeyPath", "passwordUser", "password", "outsiderUser",
  "outsiderPassword", "hostKeyFingerprint", "up"];

describe(".lab/hosts.json", () => {
  it("lists hv-a and hv-b up and hv-down down, with exactly the agreed keys", () => {
    expect(Object.keys(raw)).toEqual(["hosts"]);
    expect(raw.hosts.map((h) => [h.name, h.up])).toEqual([["hv-a", true], ["hv-b", true], ["hv-down", false]]);
    for (const h of raw.hosts) expect(Object.keys(h).sort()).toEqual([...KEYS].sort());
  });

  it("uses addresses from 198.18.0.0/15, port 22, root by key, operator and outsider by password", () => {
    for (const h of raw.hosts) {
      expect(h.address).toMatch(/^198\.(18|19)\.\d{1,3}\.\d{1,3}$/);
      expect(h.port).toBe(22);
      expect(h.user).toBe("root");
      expect(h.passwordUser).toBe("operator");
      expect(h.outsiderUser).toBe("outsider");
      expect(h.password).toMatch(/^\S{12,}$/);
      expect(h.outsiderPassword).toMatch(/^\S{12,}$/);
    }
    expect(new Set(raw.hosts.map((h) => h.address)).size).toBe(3);
  });

  it("gives a repo-relative private key that exists and is private", () => {
    for (const h of raw.hosts) {
      const rel = h.privateKeyPath as string;
      expect(path.isAbsolute(rel)).toBe(false);
      expect(rel.startsWith(".lab/")).toBe(true);
      const abs = path.join(labRoot(), rel);
      expect(existsSync(abs)).toBe(true);
      expect(statSync(abs).mode & 0o077).toBe(0);
      expect(readFileSync(abs, "utf8")).toContain("OPENSSH PRIVATE KEY");
    }
  });

  it("pins an OpenSSH fingerprint for up hosts and null for hv-down", () => {
    for (const h of raw.hosts) {
      if (h.up) expect(h.hostKeyFingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
      else expect(h.hostKeyFingerprint).toBeNull();
    }
  });
});
