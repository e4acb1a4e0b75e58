import { afterAll, describe, expect, it } from "vitest";
import { labExec, labVirsh } from "@/lab";
import { recreateScript } from "@/lib/libvirt/export-script";
import { virshArgv } from "@/lib/libvirt/virsh";
import { closeAllConnections, runCommand } from "@/lib/ssh";
import { labTarget } from "./lab-target";

// The exported script, replayed on another host, recreates the same network:
// the same XML apart from the UUID and the MAC.
const NAME = "sy-net-export";
const XML = `<network><name>${NAME}</name><forward mode='nat'/><bridge name='sy-net-exp0' stp='on' delay='0'/><domain name='exp.test'/><ip address='10.230.5.1' prefix='24'><dhcp><range start='10.230.5.100' end='10.230.5.120'/></dhcp></ip></network>`;
const withoutIdentity = (xml: string) => xml.replace(/^\s*<uuid>.*<\/uuid>\n/m, "").replace(/^\s*<mac address=.*\/>\n/m, "");

async function removeEverywhere() {
  for (const host of ["hv-a", "hv-b"]) {
    await labVirsh(host, ["net-destroy", "--", NAME]);
    await labVirsh(host, ["net-undefine", "--", NAME]);
  }
}

afterAll(async () => {
  await removeEverywhere();
  closeAllConnections();
});

describe("export script", () => {
  it("recreates the network on hv-b with the same XML apart from uuid and mac", async () => {
    await removeEverywhere();
    expect((await labVirsh("hv-a", ["net-define", "/dev/stdin"], { stdin: XML })).code).toBe(0);
    expect((await labVirsh("hv-a", ["net-start", NAME])).code).toBe(0);
    const uuid = (await labVirsh("hv-a", ["net-uuid", NAME])).stdout.trim();
    const { stdout: xml } = await runCommand(labTarget("hv-a"), virshArgv("net-dumpxml", ["--inactive"], [uuid]));
    const script = recreateScript({ name: NAME, host: "hv-a", xml, active: true, autostart: true });
    const replay = await labExec("hv-b", ["sh", "-c", script]);
    expect(replay.code, replay.stderr).toBe(0);
    const copy = (await labVirsh("hv-b", ["net-dumpxml", "--inactive", NAME])).stdout;
    expect(withoutIdentity(copy)).toBe(withoutIdentity(xml));
    expect(copy).not.toContain(uuid);
    expect((await labVirsh("hv-b", ["net-list", "--autostart", "--name"])).stdout).toContain(NAME);
  });
});
