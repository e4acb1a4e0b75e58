import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { labExec } from "@/lab";
import { closeAllConnections, runCommand, transportStats } from "@/lib/ssh";
import { labTarget, onHost, sessionProcesses, sshdPidsFor } from "./support";

// Tests 7 and 8: the channel limit and the absence of leaks, both counted on
// the host, not only in our own counters.
afterAll(() => closeAllConnections());

// Each command appends "S id ns" when it starts and "E id ns" when it ends.
const RECORD = `printf 'S %s %s\\n' "$2" "$(date +%s%N)" >>"$1"; sleep 0.6; printf 'E %s %s\\n' "$2" "$(date +%s%N)" >>"$1"`;

/** Highest number of commands running at once, from the host's own records. */
function maxConcurrency(log: string): number {
  const events = log.trim().split("\n").map((line) => {
    const [kind, , ns] = line.split(" ");
    return { start: kind === "S", at: BigInt(ns!) };
  });
  // On a tie, count the start first: errs towards a higher figure.
  events.sort((a, b) => (a.at === b.at ? Number(b.start) - Number(a.start) : a.at < b.at ? -1 : 1));
  let now = 0;
  let max = 0;
  for (const e of events) {
    now += e.start ? 1 : -1;
    max = Math.max(max, now);
  }
  return max;
}

describe("channels", () => {
  it("20 parallel commands on one connection never have more than 8 open (counted on the host)", async () => {
    const target = labTarget("hv-a", "operator", "channel-limit");
    const dir = `/tmp/sy-ssh-test-${randomBytes(6).toString("hex")}`;
    await onHost("hv-a", ["install", "-d", "-m", "1777", dir]);
    try {
      await runCommand(target, ["true"]);
      const sshd = await sshdPidsFor("hv-a", transportStats(target.id)!.localPort!);
      expect(sshd.length).toBeGreaterThan(0);

      // Meanwhile, sample the processes under this connection's sshd on the host.
      let sampling = true;
      let sampledMax = 0;
      const sampler = (async () => {
        while (sampling) {
          sampledMax = Math.max(sampledMax, (await sessionProcesses("hv-a", sshd, true)).length);
        }
      })();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => runCommand(target, ["sh", "-c", RECORD, "sh", `${dir}/log`, String(i)])),
      );
      sampling = false;
      await sampler;

      expect(results.every((r) => r.code === 0)).toBe(true);
      const log = await onHost("hv-a", ["cat", `${dir}/log`]);
      expect(log.trim().split("\n")).toHaveLength(40);
      expect(maxConcurrency(log)).toBe(8); // the limit was reached, and never passed
      expect(sampledMax).toBeLessThanOrEqual(8);
      expect(sampledMax).toBeGreaterThan(1);
      expect(transportStats(target.id)).toMatchObject({ peakChannels: 8, openChannels: 0, queuedCommands: 0, connects: 1 });
    } finally {
      await labExec("hv-a", ["rm", "-rf", dir]);
    }
  });

  it("after 1,000 sequential commands no channel is open, on either side", { timeout: 300_000 }, async () => {
    const target = labTarget("hv-b", "operator", "no-leaks");
    await runCommand(target, ["true"]);
    const port = transportStats(target.id)!.localPort!;
    const sshd = await sshdPidsFor("hv-b", port);
    const fds = async () => {
      const counts = await Promise.all(sshd.map(async (pid) => (await onHost("hv-b", ["ls", `/proc/${pid}/fd`])).trim().split("\n").length));
      return counts.reduce((a, b) => a + b, 0);
    };
    const fdsBefore = await fds();

    for (let i = 0; i < 1_000; i += 1) {
      const r = await runCommand(target, ["true"]);
      expect(r.code).toBe(0);
    }

    // Client side: nothing open or waiting, one channel at a time, one connection throughout.
    expect(transportStats(target.id)).toMatchObject({ openChannels: 0, queuedCommands: 0, peakChannels: 1, connects: 1, localPort: port });
    // Host side: the connection is still there, with no session process under it
    // and no more descriptors than before (each channel holds pipes while open).
    expect(await sshdPidsFor("hv-b", port)).toEqual(sshd);
    expect(await sessionProcesses("hv-b", sshd)).toEqual([]);
    expect(await fds()).toBeLessThanOrEqual(fdsBefore);
  });
});
