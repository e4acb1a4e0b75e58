import { afterAll, describe, expect, it } from "vitest";
import { labExec, labVirsh } from "@/lab";
import { buildNetworkXml, parseNetworkXml, wizardToSpec, type WizardValues } from "@/lib/domain/network";
import { readHostSnapshot } from "@/lib/libvirt/host-snapshot";
import { parseKernelSupport, readKernelSupport } from "@/lib/libvirt/kernel-support";
import { closeAllConnections } from "@/lib/ssh";
import { labTarget } from "../libvirt/lab-target";

// Against the lab: the host read brings Open vSwitch (bridges, ports) and the
// SR-IOV list in the same exec; the wizard's SR-IOV pool XML is accepted by
// libvirt's own schema (`net-define --validate`) though no lab NIC has VFs;
// and the kernel-support probe finds neither 8021q nor bonding here.
const SRIOV = "sy-dev-sriov";

afterAll(async () => {
  await labVirsh("hv-b", ["net-undefine", "--", SRIOV]);
  closeAllConnections();
});

describe("device facts in the host read", () => {
  it("reads hv-a's Open vSwitch bridge with its LAN uplink port, and no SR-IOV NIC", async () => {
    const snapshot = await readHostSnapshot(await labTarget("hv-a"));
    const bridge = snapshot.ovs?.bridges.find((b) => b.name === "ovsbr0");
    expect(bridge?.datapathType).toBe("netdev");
    expect(bridge?.ports.map((p) => p.name)).toEqual(expect.arrayContaining(["ovs-lan", "ovsbr0"]));
    expect(snapshot.sriov).toEqual([]);
    const vsctl = await labExec("hv-a", ["ovs-vsctl", "list-ports", "ovsbr0"]);
    expect(bridge?.ports.filter((p) => p.name !== "ovsbr0").map((p) => p.name).sort()).toEqual(vsctl.stdout.trim().split("\n").filter(Boolean).sort());
  });
});

describe("SR-IOV pool XML", () => {
  it("as the wizard builds it, libvirt validates and defines it, and reads it back as the same spec", async () => {
    const values = { name: SRIOV, connection: "hostdev", device: { hostBridge: "", ovs: false, portgroups: [], defaultPortgroup: "0", macvtapMode: "bridge", interfaces: [], pf: "eth2" } } as unknown as WizardValues;
    const spec = wizardToSpec(values);
    const xml = buildNetworkXml(spec);
    await labVirsh("hv-b", ["net-undefine", "--", SRIOV]);
    const defined = await labExec("hv-b", ["virsh", "-c", "qemu:///system", "net-define", "--validate", "/dev/stdin"], { stdin: xml });
    expect(defined.stderr).toBe("");
    expect(defined.code).toBe(0);
    const back = parseNetworkXml((await labVirsh("hv-b", ["net-dumpxml", "--inactive", "--", SRIOV])).stdout);
    if (!back.ok) throw new Error(back.error);
    expect({ ...back.spec, uuid: undefined }).toEqual({ ...spec, uuid: undefined });
    expect(back.unmodeled).toEqual([]);
  });
});

describe("kernel support for Linux VLAN and bond devices", () => {
  it("finds neither driver on this kernel, as `ip link add … type vlan` confirms", async () => {
    const support = await readKernelSupport(await labTarget("hv-b"));
    expect(support.drivers).toEqual({ vlan: "missing", bond: "missing" });
    const tried = await labExec("hv-b", ["ip", "link", "add", "link", "eth2", "name", "sy-dv.10", "type", "vlan", "id", "10"]);
    expect(tried.code).not.toBe(0);
    expect(tried.stderr).toMatch(/Unknown device type/);
  });

  it("reads a host that has them", () => {
    expect(parseKernelSupport("release 6.1.0-28-amd64\n8021q module\nbonding loaded\n")).toEqual({ release: "6.1.0-28-amd64", drivers: { vlan: "module", bond: "loaded" } });
  });
});
