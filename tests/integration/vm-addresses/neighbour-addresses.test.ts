import { afterAll, describe, expect, it } from "vitest";
import { labVirsh, plugGuest, type Guest } from "@/lab";
import { readHostSnapshot } from "@/lib/libvirt/host-snapshot";
import { readAddressRefresh } from "@/lib/libvirt/address-refresh";
import { refreshSnapshot } from "@/lib/domain/host/snapshot-addresses";
import { closeAllConnections, type SshTarget } from "@/lib/ssh";
import { labTarget } from "../libvirt/lab-target";
import { natNetwork, removeNetwork } from "../../e2e/port-forwarding/support";

// A guest with a static address (no lease) is found through the host's
// neighbour table on its bridge, in the host read itself (both scopes) and in
// the small refresh: the VM whose NIC has that MAC gets the address, marked
// "arp".
const HOST = "hv-a";
const NET = "sy-addr-arp";
const VM = "sy-addr-arp-vm";
const MAC = "52:54:00:22:0a:01";
const target: SshTarget = { ...labTarget(HOST), id: "lab-hv-a-neighbours" };
let guest: Guest | undefined;

afterAll(async () => {
  await guest?.remove();
  await labVirsh(HOST, ["undefine", VM]);
  await removeNetwork(NET);
  closeAllConnections();
});

describe("addresses from the host's neighbour table", () => {
  it("gives a static guest's address to the VM NIC with its MAC, in the host read and in the refresh", async () => {
    const { bridge } = await natNetwork(NET, 10);
    const xml = `<domain type='qemu'><name>${VM}</name><memory unit='MiB'>32</memory><os><type arch='x86_64' machine='pc'>hvm</type></os><devices><interface type='network'><mac address='${MAC}'/><source network='${NET}'/><model type='virtio'/></interface></devices></domain>`;
    await labVirsh(HOST, ["undefine", VM]);
    expect((await labVirsh(HOST, ["define", "/dev/stdin"], { stdin: xml })).code).toBe(0);
    guest = await plugGuest(HOST, bridge, { mac: MAC, static: "10.254.10.50/24" });
    // The guest talks to its gateway, so the host learns its MAC.
    expect((await guest.exec(["busybox", "ping", "-c", "1", "-W", "2", "10.254.10.1"])).code).toBe(0);

    for (const scope of ["networks", "full"] as const) {
      const snapshot = await readHostSnapshot(target, { scope });
      const nic = snapshot.domains.find((d) => d.name === VM)?.interfaces[0];
      expect(nic?.addresses, scope).toEqual([{ ip: "10.254.10.50", sources: ["arp"] }]);
      expect(nic?.ips).toEqual([]);
    }

    const snapshot = await readHostSnapshot(target, { scope: "networks" });
    const refresh = await readAddressRefresh(target, snapshot.networks.filter((n) => n.active).map((n) => n.uuid), []);
    expect(refresh.neighbours).toContainEqual({ ip: "10.254.10.50", dev: bridge, mac: MAC });
    const refreshed = refreshSnapshot(snapshot, refresh).domains.find((d) => d.name === VM)!;
    expect(refreshed.interfaces[0]!.addresses).toEqual([{ ip: "10.254.10.50", sources: ["arp"] }]);
  });
});
