import { describe, expect, it } from "vitest";
import { LibvirtUnavailable, PermissionDenied, virshFailure, virshTimedOut } from "@/lib/libvirt/errors";
import { virshArgv } from "@/lib/libvirt/virsh";
import { AuthFailed, CommandFailed, HostKeyChanged, HostKeyUnknown, Timeout, Unreachable } from "@/lib/ssh/errors";
import { outcomeError } from "@/lib/ssh/exec";
import type { SshTarget } from "@/lib/ssh/types";

const host = "198.18.0.2:22";
const argv = virshArgv("net-list", ["--all"]);
const map = (stderr: string, code = 1) => virshFailure({ host, username: "outsider", argv, code, stderr });

describe("virsh stderr mapping (LC_ALL=C)", () => {
  it("socket missing or refused: libvirtd not running", () => {
    const missing = map("error: failed to connect to the hypervisor\nerror: Failed to connect socket to '/var/run/libvirt/libvirt-sock': No such file or directory\n");
    const refused = map("error: failed to connect to the hypervisor\nerror: Failed to connect socket to '/var/run/libvirt/libvirt-sock': Connection refused\n");
    for (const e of [missing, refused]) {
      expect(e).toBeInstanceOf(LibvirtUnavailable);
      expect((e as LibvirtUnavailable).reason).toBe("not-running");
    }
  });

  it("socket permission denied: PermissionDenied naming the user", () => {
    const e = map("error: failed to connect to the hypervisor\nerror: Failed to connect socket to '/var/run/libvirt/libvirt-sock': Permission denied\n");
    expect(e).toBeInstanceOf(PermissionDenied);
    expect(e.message).toContain("outsider is not in the libvirt group");
  });

  it("keepalive timeout and a remote timeout: not responding", () => {
    expect((map("error: internal error: connection closed due to keepalive timeout") as LibvirtUnavailable).reason).toBe("not-responding");
    expect(virshTimedOut(host, "").reason).toBe("not-responding");
  });

  it("anything else is the command's own failure, with virsh's message", () => {
    const e = map("error: failed to get network 'x'\nerror: Network not found: no network with matching name 'x'\n");
    expect(e).toBeInstanceOf(CommandFailed);
    expect((e as CommandFailed).code).toBe(1);
    expect(e.message).toContain("Network not found");
  });
});

describe("outcome of a finished channel", () => {
  const target = { address: "198.18.0.2", port: 22, username: "root" } as SshTarget;
  const base = { code: 0, lost: false, clientTimedOut: false, overflow: false, stdout: "", stderr: "" };

  it("remote timeout (124/137 at the limit): Timeout, or libvirtd not responding for virsh", () => {
    expect(outcomeError(target, ["sleep", "9"], { ...base, code: 124 }, 1000, 1000)).toBeInstanceOf(Timeout);
    expect(outcomeError(target, argv, { ...base, code: 137 }, 1000, 3100)).toBeInstanceOf(LibvirtUnavailable);
    // A quick exit 124 is the program's own code, not a timeout.
    expect(outcomeError(target, ["false"], { ...base, code: 124 }, 10_000, 50)).toBeNull();
  });

  it("client timeout, lost connection, overflow", () => {
    expect(outcomeError(target, argv, { ...base, code: null, clientTimedOut: true }, 1000, 4000)).toBeInstanceOf(Timeout);
    expect(outcomeError(target, argv, { ...base, code: null, lost: true }, 1000, 10)).toBeInstanceOf(Unreachable);
    expect(outcomeError(target, argv, { ...base, code: null, overflow: true }, 1000, 10)).toBeInstanceOf(CommandFailed);
  });
});

describe("operator messages", () => {
  it("are one line each and carry their data", () => {
    const errors = [
      new Unreachable(host, "connection refused"),
      new AuthFailed(host, "root"),
      new HostKeyUnknown(host, "ssh-ed25519", "SHA256:abc"),
      new HostKeyChanged(host, "SHA256:old", "SHA256:new", "ssh-ed25519"),
      new CommandFailed(host, ["printf", "%s"], 2, "first\nsecond line\n"),
      new Timeout(host, ["sleep", "10"], 2500),
      new LibvirtUnavailable(host, "not-running", ""),
      new PermissionDenied(host, "outsider", ""),
    ];
    for (const e of errors) {
      expect(e.message).not.toMatch(/\n/);
      expect(e.message.length).toBeLessThan(300);
      expect(e.name).toBe(e.constructor.name);
    }
    expect(errors.map((e) => e.kind)).toEqual([
      "unreachable", "auth-failed", "host-key-unknown", "host-key-changed", "command-failed", "timeout", "libvirt-unavailable", "permission-denied",
    ]);
    expect(errors[3]!.message).toContain("SHA256:old");
    expect(errors[4]!.message).toContain("second line");
  });
});
