// .lab/hosts.json has exactly the shape the issue fixes, with paths that exist.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { labRoot } from "@/lab";

const raw = JSON.parse(readFileSync(path.join(labRoot(), ".lab", "hosts.json"), "utf8")) as {
  hosts: Record<string, unknown>[];
  lan: Record<string, unknown>;
};
const KEYS = ["name", "address", "port", "user", "privateKeyPath", "passwordUser", "password", "outsiderUser",
  "outsiderPassword", "hostKeyFingerprint", "up", "lan"];
const ipToInt = (ip: string) => ip.split(".").reduce((n, o) => n * 256 + Number(o), 0);

describe(".lab/hosts.json", () => {
  it("lists hv-a and hv-b up and hv-down down, with exactly the agreed keys", () => {
    expect(Object.keys(raw)).toEqual(["hosts", "lan"]);
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

  it("places every up host on the LAN (its NICs by role, its own address) and hv-down nowhere", () => {
    const lan = raw.lan as { bridge: string; subnet: string; router: string; dhcpRange: string[]; staticRange: string[] };
    expect(lan.bridge).toBe("sy-lan");
    expect(lan.subnet).toMatch(/^198\.(18|19)\.\d+\.128\/25$/);
    const base = ipToInt(lan.subnet.split("/")[0]!);
    const inSubnet = (ip: string) => ipToInt(ip) > base && ipToInt(ip) < base + 127;
    for (const ip of [lan.router, ...lan.dhcpRange, ...lan.staticRange]) expect(inSubnet(ip)).toBe(true);
    const lanAddresses = new Set<string>();
    for (const h of raw.hosts) {
      const hostLan = h.lan as { address: string; prefix: number; subnet: string; router: string; nics: Record<string, unknown>; bridge: string; ovsBridge: string | null } | null;
      if (!h.up) {
        expect(hostLan).toBeNull();
        continue;
      }
      expect(hostLan!.subnet).toBe(lan.subnet);
      expect(hostLan!.router).toBe(lan.router);
      expect(hostLan!.prefix).toBe(25);
      expect(inSubnet(hostLan!.address)).toBe(true);
      expect(ipToInt(hostLan!.address)).toBeLessThan(ipToInt(lan.staticRange[0]!));
      lanAddresses.add(hostLan!.address);
      expect(hostLan!.bridge).toBe("br0");
      const ovs = ["hv-a", "hv-b"].includes(h.name as string) ? "ovsbr0" : hostLan!.ovsBridge;
      expect(hostLan!.ovsBridge).toBe(ovs);
      expect(hostLan!.nics).toEqual({ address: "lan0", bridged: "eth1", ovsUplink: ovs ? "ovs-lan" : null, free: "eth2" });
    }
    expect(lanAddresses.size).toBe(raw.hosts.filter((h) => h.up).length);
  });
});
