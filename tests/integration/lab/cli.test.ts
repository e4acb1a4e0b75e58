// The helpers as `npm run lab -- …` commands (what people and shell scripts use), and the
// sshd log at LogLevel VERBOSE that sshd-log points to.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { labHost, labLan, labRoot } from "@/lab";
import { runCmd, scanHostKey, sshAsRoot, tempDir } from "./ssh-clients";

const lab = (...args: string[]) =>
  runCmd("npm", ["run", "-s", "--prefix", labRoot(), "lab", "--", ...args], 120_000);

describe("npm run lab", () => {
  it("exec runs argv inside the host, where virsh sees that host's libvirt", async () => {
    const res = await lab("exec", "hv-b", "--", "virsh", "-c", "qemu:///system", "net-list", "--all", "--name");
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout.split("\n").filter(Boolean).sort()).toEqual(expect.arrayContaining(["default", "staging"]));
    const a = await lab("exec", "hv-a", "--", "virsh", "-c", "qemu:///system", "net-list", "--all", "--name");
    expect(a.stdout.split("\n")).not.toContain("staging");
  });

  it("exec passes the command's exit code through", async () => {
    const res = await lab("exec", "hv-a", "--", "sh", "-c", "exit 7");
    expect(res.code).toBe(7);
  });

  it("sshd-log prints a log that records, at VERBOSE, the key a client logged in with", async () => {
    const res = await lab("sshd-log", "hv-a");
    expect(res.code, res.stderr).toBe(0);
    const logPath = res.stdout.trim();
    expect(existsSync(logPath)).toBe(true);

    const host = labHost("hv-a");
    const tmp = tempDir();
    try {
      const { knownHosts } = await scanHostKey(host, tmp.dir);
      expect((await sshAsRoot(host, knownHosts, "true")).code).toBe(0);
    } finally {
      tmp.cleanup();
    }
    const clientKey = await runCmd("ssh-keygen", ["-l", "-E", "sha256", "-f", `${labRoot()}/${host.privateKeyPath}`]);
    const fp = clientKey.stdout.split(/\s+/)[1]!;
    expect(readFileSync(logPath, "utf8")).toContain(`Accepted publickey for root from`);
    expect(readFileSync(logPath, "utf8")).toContain(fp);
  });

  it("fault and probe work from the command line", async () => {
    expect((await lab("fault", "hv-a", "autostart", "on")).code).toBe(0);
    expect((await lab("fault", "hv-a", "autostart", "off")).code).toBe(0);
    const probe = await lab("probe", "hv-a", "virbr0", "192.168.122.1");
    expect(probe.code, probe.stderr).toBe(0);
    expect(probe.stdout).toMatch(/^lease 192\.168\.122\.\d+\/24 router 192\.168\.122\.1$/m);
    expect(probe.stdout).toMatch(/^ping 192\.168\.122\.1 ok$/m);
  });

  it("probe lan and probe --vlan-port/--static work from the command line", async () => {
    const onLan = await lab("probe", "lan", labLan().router);
    expect(onLan.code, onLan.stderr).toBe(0);
    expect(onLan.stdout).toMatch(new RegExp(`^lease \\S+/25 router ${labLan().router.replace(/\./g, "\\.")}$`, "m"));
    const tagged = await lab("probe", "hv-a", "ovsbr0", "--vlan-port", "42", "--static", "10.210.42.1/24");
    expect(tagged.code, tagged.stderr).toBe(0);
    expect(tagged.stdout).toMatch(/^static 10\.210\.42\.1\/24$/m);
  });

  it("listen answers for --seconds, then cleans up", async () => {
    const child = spawn("npm", ["run", "-s", "--prefix", labRoot(), "lab", "--", "listen", "lan", "x", "7777", "--seconds", "8"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const closed = new Promise<number | null>((r) => child.on("close", r));
    const line = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("\n")) resolve(out);
      });
      child.on("exit", (code) => reject(new Error(`listen exited ${code} before listening`)));
    });
    const m = /^listening (\S+):7777 answering "(.+)"$/m.exec(line);
    expect(m).not.toBeNull();
    const res = await runCmd("busybox", ["nc", "-w", "5", m![1]!, "7777"]);
    expect(res.stdout.trim()).toBe(m![2]);
    expect(await closed).toBe(0);
    const after = await runCmd("busybox", ["nc", "-w", "2", m![1]!, "7777"]);
    expect(after.stdout).not.toContain(m![2]);
  });

  it("fault cut-uplink checks its arguments", async () => {
    const res = await lab("fault", "hv-a", "cut-uplink", "soon");
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/cut-uplink SECONDS must be a whole number/);
    const tooLong = await lab("fault", "hv-a", "cut-uplink", "99999");
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toMatch(/whole seconds from 0 to 3600/);
  });

  it("rejects unknown commands with usage", async () => {
    const res = await lab("frobnicate");
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/usage: npm run lab/);
  });
});
