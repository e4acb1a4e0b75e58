import { afterAll, describe, expect, it } from "vitest";
import { labExec } from "@/lab";
import { closeAllConnections, runCommand, transportStats, Unreachable } from "@/lib/ssh";
import { labTarget, sessionProcesses, sshdPidsFor, until } from "./support";

// Test 10: the connection is cut mid-command by killing its sshd on the host.
// The caller gets an error at once, the next command reconnects, and the
// orphaned remote process still dies by its remote `timeout`.
afterAll(() => closeAllConnections());

describe("connection drop", () => {
  it("killing the session's sshd fails the running command; the next one reconnects", async () => {
    const target = labTarget("hv-a", "root", "drop");
    await runCommand(target, ["true"]);
    const port = transportStats(target.id)!.localPort!;
    const sshd = await sshdPidsFor("hv-a", port);

    const running = runCommand(target, ["sleep", "61.5"], { timeoutMs: 8_000 }).catch((e: unknown) => e);
    await until("the command to run on the host", async () => (await sessionProcesses("hv-a", sshd)).length > 0);
    const killed = await labExec("hv-a", ["kill", "-KILL", ...sshd.map(String)]);
    expect(killed.code).toBe(0);
    const cut = performance.now();

    const error = await running;
    expect(error).toBeInstanceOf(Unreachable);
    expect((error as Error).message).toMatch(/dropped/);
    expect(performance.now() - cut).toBeLessThan(3_000);
    expect(transportStats(target.id)).toMatchObject({ connected: false, openChannels: 0 });

    const next = await runCommand(target, ["printf", "%s", "back"]);
    expect(next.stdout).toBe("back");
    const stats = transportStats(target.id)!;
    expect(stats).toMatchObject({ connected: true, connects: 2 });
    expect(stats.localPort).not.toBe(port);

    // The orphan lost its client; the remote timeout (8 s) still ends it.
    await until("the orphaned sleep to be gone", async () => (await labExec("hv-a", ["pgrep", "-f", "^sleep 61.5"])).code !== 0, 15_000);
  });
});
