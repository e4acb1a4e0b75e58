import { afterAll, describe, expect, it } from "vitest";
import { virshArgv } from "@/lib/libvirt/virsh";
import { closeAllConnections, runCommand, transportStats } from "@/lib/ssh";
import { labTarget } from "./support";

// Test 1: both ways of logging in reach libvirt and run virsh net-list.
afterAll(() => closeAllConnections());

describe("key and password login", () => {
  it("root logs in to hv-a by key and runs virsh net-list", async () => {
    const target = labTarget("hv-a", "root");
    const result = await runCommand(target, virshArgv("net-list", ["--all"]));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\s*default\s+active\b/m);
    expect(transportStats(target.id)).toMatchObject({ connected: true, connects: 1, openChannels: 0 });
  });

  it("operator logs in to hv-b by password and runs virsh net-list", async () => {
    const target = labTarget("hv-b", "operator");
    const result = await runCommand(target, virshArgv("net-list", ["--all"]));
    expect(result.stdout).toMatch(/^\s*default\s+active\b/m);
    // Same connection for the next command: reused, not reopened.
    await runCommand(target, virshArgv("net-list", ["--name"]));
    expect(transportStats(target.id)).toMatchObject({ connects: 1, openChannels: 0 });
  });
});
