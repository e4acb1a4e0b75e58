import { afterAll, describe, expect, it } from "vitest";
import { labVirsh } from "@/lab";
import { readHostSnapshot } from "@/lib/libvirt/host-snapshot";
import { findNetworkByName } from "@/lib/domain/host/snapshot-vms";
import { closeAllConnections, transportStats } from "@/lib/ssh";
import { labTarget } from "./lab-target";
import { sessionCommands, settle } from "./exec-count";

// The reader against real lab hosts: every value is checked against what virsh
// prints on the host itself, and the host's sshd counts the execs.
const uuids = async (host: string, args: string[]) =>
  (await labVirsh(host, [...args, "--uuid"])).stdout.split("\n").map((l) => l.trim()).filter(Boolean).sort();

const hostile = [
  { name: "<img src=x onerror=alert(1)>", bridge: "sy-net-h1", subnet: "10.230.61" },
  { name: `sy-net "quoted" it's spaced`, bridge: "sy-net-h2", subnet: "10.230.62" },
];
const xmlText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

afterAll(async () => {
  for (const h of hostile) await labVirsh("hv-b", ["net-undefine", "--", h.name]);
  closeAllConnections();
});

describe.each(["hv-a", "hv-b"])("readHostSnapshot on %s", (host) => {
  const target = labTarget(host);

  it("matches virsh on the host: networks, their XML and states", async () => {
    // Other suites change the shared lab meanwhile: what existed before and
    // after the read must be in it, and nothing that existed at neither time.
    const before = await uuids(host, ["net-list", "--all"]);
    const snapshot = await readHostSnapshot(target);
    const after = await uuids(host, ["net-list", "--all"]);
    const seen = snapshot.networks.map((n) => n.uuid);
    for (const uuid of before.filter((u) => after.includes(u))) expect(seen).toContain(uuid);
    for (const uuid of seen) expect([...before, ...after]).toContain(uuid);
    const active = await uuids(host, ["net-list"]);
    const autostart = await uuids(host, ["net-list", "--all", "--autostart"]);
    // Values are compared on the networks this suite and the lab own.
    for (const n of snapshot.networks.filter((x) => /^(default|staging|sy-net-)/.test(x.name))) {
      expect(n.xml).toBe((await labVirsh(host, ["net-dumpxml", n.uuid])).stdout.trim());
      expect(n.active).toBe(active.includes(n.uuid));
      expect(n.autostart).toBe(autostart.includes(n.uuid));
    }
    for (const d of snapshot.domains.filter((x) => x.name === "web1" || x.name === "db1")) {
      const iflist = (await labVirsh(host, ["domiflist", d.uuid])).stdout;
      for (const nic of d.interfaces) expect(iflist).toContain(nic.mac!);
      expect(d.state).toBe("running");
    }
  });

  it("costs exactly one exec on the host", async () => {
    await readHostSnapshot(target); // the connection exists before we count
    const port = transportStats(target.id)!.localPort!;
    await settle();
    const before = sessionCommands(host, port);
    await readHostSnapshot(target);
    await settle();
    expect(sessionCommands(host, port) - before).toBe(1);
  });
});

describe("hostile names, created out of band", () => {
  it("come back exactly, and hv-b's staging network is inactive", async () => {
    for (const h of hostile) {
      const xml = `<network><name>${xmlText(h.name)}</name><bridge name='${h.bridge}'/><ip address='${h.subnet}.1' prefix='24'/></network>`;
      const r = await labVirsh("hv-b", ["net-define", "/dev/stdin"], { stdin: xml });
      expect(r.code, r.stderr).toBe(0);
    }
    const snapshot = await readHostSnapshot(labTarget("hv-b"));
    for (const h of hostile) expect(findNetworkByName(snapshot, h.name)).toMatchObject({ active: false, persistent: true });
    expect(findNetworkByName(snapshot, "staging")).toMatchObject({ active: false });
  });
});

describe("a dead host", () => {
  it("fails with a typed error after the connect timeout", async () => {
    const started = Date.now();
    await expect(readHostSnapshot(labTarget("hv-down"))).rejects.toMatchObject({ kind: expect.stringMatching(/unreachable|timeout/) });
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
