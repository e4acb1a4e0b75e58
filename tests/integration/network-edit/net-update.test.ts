import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { labVirsh } from "@/lab";
import { runCommand } from "@/lib/ssh";
import { closeAllConnections } from "@/lib/ssh";
import type { SnapshotNetwork } from "@/lib/domain/host/snapshot";
import { defineStep, unchangedGuardStep } from "@/lib/changes/network-edit-define";
import { dhcpHostXml, dnsHostXml, netUpdateStep } from "@/lib/changes/network-edit-update";
import { libvirtSchemaRefusal } from "@/lib/libvirt/xml-edit/schema-check";
import { readInactiveXml } from "@/lib/libvirt/xml-edit/read-inactive";
import { labTarget } from "../libvirt/lab-target";

// The exact argv the plans hold, run over the real SSH transport on hv-a:
// libvirt takes the options before `--` and the operands after it.
const HOST = "hv-a";
const NAME = "sy-dhcp-int";
const target = labTarget(HOST);
let network: SnapshotNetwork;

const dump = async (inactive = false) => (await labVirsh(HOST, ["net-dumpxml", ...(inactive ? ["--inactive"] : []), NAME])).stdout;

async function cleanup() {
  await labVirsh(HOST, ["net-destroy", NAME]);
  await labVirsh(HOST, ["net-undefine", NAME]);
}

beforeAll(async () => {
  await cleanup();
  const xml = `<network><name>${NAME}</name><bridge name='sy-dhcp-i0'/><ip address='10.252.9.1' prefix='24'><dhcp><range start='10.252.9.100' end='10.252.9.200'/></dhcp></ip></network>`;
  expect((await labVirsh(HOST, ["net-define", "/dev/stdin"], { stdin: xml })).code).toBe(0);
  expect((await labVirsh(HOST, ["net-start", NAME])).code).toBe(0);
  const uuid = (await labVirsh(HOST, ["net-uuid", NAME])).stdout.trim();
  network = { uuid, name: NAME, active: true, persistent: true } as SnapshotNetwork;
});
afterAll(async () => {
  await cleanup();
  closeAllConnections();
});

describe("net-update and net-define steps on a lab host", () => {
  it("adds and deletes a static host live and in the config", async () => {
    const xml = dhcpHostXml({ mac: "52:54:00:25:20:01", name: "int-a", ip: "10.252.9.11" });
    const step = netUpdateStep(network, "add", "ip-dhcp-host", xml, "add");
    await runCommand(target, step.argv);
    expect(await dump()).toContain("52:54:00:25:20:01");
    expect(await dump(true)).toContain("52:54:00:25:20:01");
    await runCommand(target, step.undo!.argv);
    expect(await dump()).not.toContain("52:54:00:25:20:01");
    expect(await dump(true)).not.toContain("52:54:00:25:20:01");
  });

  it("adds and deletes a DNS host record", async () => {
    const step = netUpdateStep(network, "add", "dns-host", dnsHostXml({ ip: "10.252.9.50", hostnames: ["int-db"] }), "add");
    await runCommand(target, step.argv);
    expect(await dump()).toContain("<hostname>int-db</hostname>");
    await runCommand(target, step.undo!.argv);
    expect(await dump()).not.toContain("int-db");
  });

  it("checks XML against libvirt's schema without defining anything", async () => {
    const current = await readInactiveXml(target, network.uuid);
    const names = (await labVirsh(HOST, ["net-list", "--all", "--name"])).stdout;
    expect(await libvirtSchemaRefusal(target, current)).toBeNull();
    expect(await libvirtSchemaRefusal(target, current.replace("</network>", "<bogus/></network>"))).toMatch(/failed to validate|bogus/);
    expect(await libvirtSchemaRefusal(target, current.replace("<network", "<network><oops"))).toMatch(/mismatch|parse|error/i);
    expect((await labVirsh(HOST, ["net-list", "--all", "--name"])).stdout).toBe(names);
    expect(await readInactiveXml(target, network.uuid)).toBe(current);
  });

  it("redefines from stdin and keeps the UUID", async () => {
    const current = await readInactiveXml(target, network.uuid);
    const step = defineStep(current.replace("</network>", "  <domain name='int.example'/>\n</network>"), current);
    await runCommand(target, step.argv, { stdin: step.stdin });
    expect(await dump(true)).toContain("int.example");
    expect(await dump()).not.toContain("int.example");
    await runCommand(target, step.undo!.argv, { stdin: step.undo!.stdin });
    expect(await dump(true)).not.toContain("int.example");
  });
});

describe("the unchanged-definition guard", () => {
  it("passes on the definition it was built from and stops after an out-of-band change", async () => {
    const current = await readInactiveXml(target, network.uuid);
    const guard = unchangedGuardStep(network.uuid, current);
    await runCommand(target, guard.argv);
    expect((await labVirsh(HOST, ["net-define", "/dev/stdin"], { stdin: current.replace("</network>", "<domain name='oob.example'/></network>") })).code).toBe(0);
    await expect(runCommand(target, guard.argv)).rejects.toThrow(/changed on the host since this plan was made/);
  });
});
