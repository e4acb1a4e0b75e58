import { afterAll, describe, expect, it } from "vitest";
import { readHostSnapshot } from "@/lib/libvirt/host-snapshot";
import { labExec, labVirsh } from "@/lab";
import { LibvirtUnavailable } from "@/lib/libvirt/errors";
import { virshArgv } from "@/lib/libvirt/virsh";
import { closeAllConnections, runBatch, runCommand } from "@/lib/ssh";
import { alive, labTarget, onHost, until } from "./support";

// Test 5: libvirtd stopped, and libvirtd hung (SIGSTOP), both read as
// LibvirtUnavailable. The daemon is really stopped and restarted the way
// lab/lib/daemons.sh starts it, and the host is checked healthy afterwards.
const HOST = "hv-b";
const PIDFILE = "/run/libvirt/libvirtd.pid"; // inside the host's mount namespace
afterAll(() => closeAllConnections());

const libvirtdPid = async () => Number((await onHost(HOST, ["cat", PIDFILE])).trim());

async function expectHealthy(): Promise<void> {
  await until("libvirtd to answer", async () => (await labVirsh(HOST, ["version"], { timeoutMs: 5_000 })).code === 0, 30_000);
  const nets = await runCommand(labTarget(HOST, "root"), virshArgv("net-list", ["--all"]));
  expect(nets.stdout).toMatch(/default\s+active/);
  const doms = await runCommand(labTarget(HOST, "root"), virshArgv("list", ["--name"]));
  expect(doms.stdout.split("\n").filter(Boolean).sort()).toEqual(expect.arrayContaining(["db1", "web1"]));
}

describe("libvirtd unavailable", () => {
  it("stopped: LibvirtUnavailable (not running), then restarted and healthy", async () => {
    const target = labTarget(HOST, "root");
    await runCommand(target, virshArgv("version")); // connected before the daemon goes
    const pid = await libvirtdPid();
    process.kill(pid, "SIGTERM");
    try {
      await until("libvirtd to exit", async () => !alive(pid), 20_000);
      const error = await runCommand(target, virshArgv("net-list", ["--all"])).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LibvirtUnavailable);
      expect(error).toMatchObject({ reason: "not-running" });
      expect((error as Error).message).toBe(`libvirtd is not running on ${target.address}:22`);
    } finally {
      // Exactly as start_libvirt in lab/lib/daemons.sh.
      if (!alive(pid)) {
        const started = await labExec(HOST, ["libvirtd", "-d", "-p", PIDFILE]);
        expect(started.code).toBe(0);
      }
      await expectHealthy();
    }
    expect(await libvirtdPid()).not.toBe(pid);
  });

  it("hung (SIGSTOP): LibvirtUnavailable (not responding) within the command timeout, then continued", async () => {
    const target = labTarget(HOST, "root");
    await runCommand(target, ["true"]);
    const pid = await libvirtdPid();
    process.kill(pid, "SIGSTOP");
    try {
      const timeoutMs = 3_000;
      const started = performance.now();
      // A single command and a batch at once (keeps the daemon stopped for as
      // short a time as possible): in a batch, the hung virsh names the error.
      const [single, batch, snapshot] = await Promise.all([
        runCommand(target, virshArgv("net-list", ["--all"]), { timeoutMs }).catch((e: unknown) => e),
        runBatch(target, [["true"], virshArgv("net-list")], { timeoutMs }).catch((e: unknown) => e),
        // The host read has no timeout of its own around virsh: the remote timeout ends it.
        readHostSnapshot(target, { timeoutMs }).catch((e: unknown) => e),
      ]);
      const took = performance.now() - started;
      expect(single).toBeInstanceOf(LibvirtUnavailable);
      expect(single).toMatchObject({ reason: "not-responding" });
      expect(batch).toBeInstanceOf(LibvirtUnavailable);
      expect(snapshot).toBeInstanceOf(LibvirtUnavailable);
      expect(snapshot).toMatchObject({ reason: "not-responding" });
      expect(took).toBeGreaterThanOrEqual(timeoutMs - 100);
      expect(took).toBeLessThan(timeoutMs + 2_500);
    } finally {
      process.kill(pid, "SIGCONT");
    }
    await expectHealthy();
    // No virsh left behind by the timeouts.
    const left = await labExec(HOST, ["pgrep", "-f", "virsh -c qemu:///system net-list"]);
    expect(left.stdout.trim()).toBe("");
    expect((await labExec(HOST, ["pgrep", "-f", "switchyard-snapshot"])).stdout.trim()).toBe("");
  });
});
