import { readFileSync, statSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { labExec, labHost, rekey, restoreKey, sshdLogPath } from "@/lab";
import { SshConnection } from "@/lib/ssh/connection";
import { closeAllConnections, fetchHostKey, HostKeyChanged, HostKeyUnknown, runCommand, transportSettings } from "@/lib/ssh";
import { labTarget, sleep, sshdLogLinesFor, until } from "./support";

// Tests 2 and 3: the host key is judged during key exchange, before any
// credential leaves the client. Proven from the host's side, with sshd's
// VERBOSE log for the exact TCP connection (found by our local port).
afterAll(() => closeAllConnections());

const AUTH_TRACE = /Accepted|Failed|Postponed|Invalid user|authenticat|userauth|publickey|password/i;

/** Opens a connection the way the pool does, noting the local port; returns the error (if any) and that port. */
async function connectNoting(target: ReturnType<typeof labTarget>) {
  let localPort = 0;
  const settings = { ...transportSettings(), connectTimeoutMs: 10_000 };
  const outcome = await SshConnection.open(target, settings, { onTcpConnected: (p) => (localPort = p) }).then(
    (connection) => (connection.end(), null),
    (error: unknown) => error,
  );
  return { outcome, localPort };
}

/** sshd log text written since `offset`, once it shows the connection from `port` has ended. */
async function logAfter(host: string, offset: number, port: number): Promise<string[]> {
  return until(`sshd's log to show the end of port ${port}`, async () => {
    const lines = sshdLogLinesFor(readFileSync(sshdLogPath(host), "utf8").slice(offset), port);
    return lines.some((l) => /Connection (closed|reset)|Disconnected|disconnect/i.test(l)) ? lines : null;
  });
}

describe("host keys", () => {
  it("an unknown key is refused with its OpenSSH fingerprint, before any authentication", async () => {
    const host = labHost("hv-a");
    const offset = statSync(sshdLogPath("hv-a")).size;
    const { outcome, localPort } = await connectNoting({ ...labTarget("hv-a", "operator"), pinnedFingerprint: null });
    expect(outcome).toBeInstanceOf(HostKeyUnknown);
    expect(outcome).toMatchObject({ keyType: "ssh-ed25519", fingerprint: host.hostKeyFingerprint });
    expect(localPort).toBeGreaterThan(0);

    const lines = await logAfter("hv-a", offset, localPort);
    expect(lines.some((l) => l.includes("Connection from"))).toBe(true);
    expect(lines.filter((l) => AUTH_TRACE.test(l))).toEqual([]);

    // The same check does see authentication when it happens (control).
    const control = statSync(sshdLogPath("hv-a")).size;
    const ok = await connectNoting(labTarget("hv-a", "operator"));
    expect(ok.outcome).toBeNull();
    const okLines = await logAfter("hv-a", control, ok.localPort);
    expect(okLines.some((l) => /Accepted password for operator/.test(l))).toBe(true);
  });

  it("fetchHostKey reads the key without logging in", async () => {
    expect(await fetchHostKey(labHost("hv-b").address, 22)).toEqual({
      keyType: "ssh-ed25519",
      fingerprint: labHost("hv-b").hostKeyFingerprint,
    });
  });

  it("a changed key is refused with both fingerprints, and no command runs", async () => {
    const pinned = labHost("hv-a").hostKeyFingerprint!;
    const marker = `/tmp/sy-ssh-test-rekey-${process.pid}-${Date.now()}`;
    const offset = statSync(sshdLogPath("hv-a")).size;
    const fresh = await rekey("hv-a");
    try {
      expect(fresh).not.toBe(pinned);
      const error = await runCommand(labTarget("hv-a", "root", "rekey-probe"), ["touch", marker]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HostKeyChanged);
      expect(error).toMatchObject({ expected: pinned, actual: fresh });
      expect((error as Error).message).toContain(pinned);

      const { outcome, localPort } = await connectNoting(labTarget("hv-a", "root"));
      expect(outcome).toBeInstanceOf(HostKeyChanged);
      const lines = await logAfter("hv-a", offset, localPort);
      expect(lines.filter((l) => AUTH_TRACE.test(l) || /Starting session/.test(l))).toEqual([]);
    } finally {
      expect(await restoreKey("hv-a")).toBe(pinned);
    }
    await sleep(200);
    expect((await labExec("hv-a", ["test", "-e", marker])).code).not.toBe(0);
    // Back to normal: the pinned key works again on a new connection.
    const ok = await runCommand(labTarget("hv-a", "root", "after-restore"), ["true"]);
    expect(ok.code).toBe(0);
  });
});
