// For each up lab host: the key it offers is the pinned one, root gets in by key and sees
// the baseline, operator gets in by password and lists networks, outsider gets in but
// libvirt refuses it. Everything is asserted on the real hosts.
import { afterAll, describe, expect, it } from "vitest";
import { readLabHosts } from "@/lab";
import { scanHostKey, sshAsRoot, sshPasswordExec, tempDir } from "./ssh-clients";

const upHosts = readLabHosts().filter((h) => h.up);
const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe.each(upHosts.map((h) => [h.name, h] as const))("lab host %s", (name, host) => {
  it("offers the ed25519 host key whose fingerprint hosts.json pins", async () => {
    const { fingerprint } = await scanHostKey(host, tmp.dir);
    expect(fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(fingerprint).toBe(host.hostKeyFingerprint);
  });

  it("lets root in by key; default is active and web1, db1 run", async () => {
    const { knownHosts } = await scanHostKey(host, tmp.dir);
    const nets = await sshAsRoot(host, knownHosts, "virsh -c qemu:///system net-list");
    expect(nets.stderr).not.toMatch(/Permission denied|Host key verification failed/);
    expect(nets.code).toBe(0);
    expect(nets.stdout).toMatch(/^\s*default\s+active\s+/m);

    const doms = await sshAsRoot(host, knownHosts, "virsh -c qemu:///system list");
    expect(doms.code).toBe(0);
    expect(doms.stdout).toMatch(/^\s*\d+\s+web1\s+running\s*$/m);
    expect(doms.stdout).toMatch(/^\s*\d+\s+db1\s+running\s*$/m);
  });

  it("lets operator in by password and operator can list networks", async () => {
    const res = await sshPasswordExec(host, host.passwordUser, host.password, "id -nG; virsh -c qemu:///system net-list --all");
    expect(res.code).toBe(0);
    expect(res.stdout.split("\n")[0]?.split(" ")).toContain("libvirt");
    expect(res.stdout).toMatch(/^\s*default\s+active\s+/m);
    if (name === "hv-b") expect(res.stdout).toMatch(/^\s*staging\s+inactive\s+/m);
  });

  it("lets outsider in, but libvirt refuses it", async () => {
    const who = await sshPasswordExec(host, host.outsiderUser, host.outsiderPassword, "id -un; id -nG");
    expect(who.code).toBe(0);
    expect(who.stdout.split("\n")[0]).toBe(host.outsiderUser);
    expect(who.stdout.split("\n")[1]?.split(" ")).not.toContain("libvirt");

    const res = await sshPasswordExec(host, host.outsiderUser, host.outsiderPassword, "virsh -c qemu:///system net-list --all");
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/Failed to connect socket to '\/var\/run\/libvirt\/libvirt-sock': Permission denied/);
  });

  it("refuses a wrong password", async () => {
    await expect(sshPasswordExec(host, host.passwordUser, `${host.password}-wrong`, "true")).rejects.toThrow(
      /authentication methods failed/i,
    );
  });
});
