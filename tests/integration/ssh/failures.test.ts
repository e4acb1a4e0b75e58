import { afterAll, describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/libvirt/errors";
import { virshArgv } from "@/lib/libvirt/virsh";
import { closeAllConnections, configureTransport, runCommand, transportSettings, Unreachable } from "@/lib/ssh";
import { labTarget } from "./support";

// Tests 4 and 6: a host that drops every packet fails on its own clock without
// holding anyone back; a user outside the libvirt group is told so.
const original = { ...transportSettings() };
afterAll(() => {
  configureTransport(original);
  closeAllConnections();
});

describe("dead host", () => {
  it("hv-down fails Unreachable within the connect timeout while hv-a and hv-b answer", async () => {
    const connectTimeoutMs = 3_000;
    configureTransport({ connectTimeoutMs });
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    const timed = <T>(p: Promise<T>) => p.then(
      (value) => ({ ok: true as const, value, ms: elapsed() }),
      (error: unknown) => ({ ok: false as const, error, ms: elapsed() }),
    );
    const [down, a, b] = await Promise.all([
      timed(runCommand(labTarget("hv-down", "root"), ["true"])),
      timed(runCommand(labTarget("hv-a", "root"), virshArgv("net-list", ["--all"]))),
      timed(runCommand(labTarget("hv-b", "operator"), virshArgv("net-list", ["--all"]))),
    ]);
    expect(down.ok).toBe(false);
    expect(!down.ok && down.error).toBeInstanceOf(Unreachable);
    expect(!down.ok && (down.error as Error).message).toMatch(/no answer within 3 s/);
    expect(down.ms).toBeGreaterThanOrEqual(connectTimeoutMs - 50);
    expect(down.ms).toBeLessThan(connectTimeoutMs + 1_500);
    for (const up of [a, b]) {
      expect(up.ok).toBe(true);
      expect(up.ok && up.value.stdout).toMatch(/default\s+active/);
      expect(up.ms).toBeLessThan(down.ms);
    }

    // Backoff: right after a failure, the next call fails fast with the same error.
    const again = performance.now();
    await expect(runCommand(labTarget("hv-down", "root"), ["true"])).rejects.toBeInstanceOf(Unreachable);
    expect(performance.now() - again).toBeLessThan(500);
  });
});

describe("user without the libvirt group", () => {
  it("outsider gets PermissionDenied, explained", async () => {
    const error = await runCommand(labTarget("hv-a", "outsider"), virshArgv("net-list", ["--all"])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDenied);
    expect((error as PermissionDenied).username).toBe("outsider");
    expect((error as Error).message).toContain("outsider is not in the libvirt group");
    expect((error as PermissionDenied).stderr).toMatch(/Permission denied/);
  });
});
