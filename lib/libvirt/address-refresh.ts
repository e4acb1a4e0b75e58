import "server-only";
import { LIBVIRT_URI } from "./uri";
import { randomBytes } from "node:crypto";
import { runCommand, type SshTarget } from "@/lib/ssh";
import { neighboursFromJson, parseDomifaddr, type AddressRefresh } from "@/lib/domain/host/snapshot-addresses";
import { isUuid, splitSections } from "@/lib/domain/host/snapshot-sections";
import { parseLeases } from "@/lib/domain/host/snapshot-virsh";

// The lease refresh the DHCP tab, the VMs tab and the VM list poll while they
// are on screen (libvirt sends no event for a lease): one exec, one ip and
// one virsh process, asking only for the leases of the active networks and
// the guest agents of the running guests, never for any XML. The virsh line
// is built from UUID-shaped strings, the nonce and fixed words only.

const SCRIPT = `n=$1
printf '\\n%s|neigh\\n' "$n"; ip -j neigh show 2>&1
printf '\\n%s|virsh\\n' "$n"; LC_ALL=C virsh -c ${LIBVIRT_URI} "$2" 2>&1
exit 0`;

export async function readAddressRefresh(target: SshTarget, networks: string[], domains: string[]): Promise<AddressRefresh> {
  if (![...networks, ...domains].every(isUuid)) throw new TypeError("an address refresh takes UUIDs only");
  const nonce = randomBytes(16).toString("hex");
  const marker = (label: string) => `echo "${nonce}""|${label}"`;
  const parts = [
    ...networks.flatMap((u) => [marker(`leases ${u}`), `net-dhcp-leases ${u}`]),
    ...domains.flatMap((u) => [marker(`dom-agent ${u}`), `domifaddr ${u} --source agent`]),
    marker("end"),
  ];
  const result = await runCommand(target, ["sh", "-c", SCRIPT, "sh", nonce, parts.join("; ")], { timeoutMs: 15_000 });
  const sections = splitSections(result.stdout, nonce);
  const refresh: AddressRefresh = { leases: {}, neighbours: [], agent: {} };
  for (const s of sections) {
    if (s.kind === "neigh") refresh.neighbours = neighboursFromJson(s.body);
    else if (s.kind === "leases" && isUuid(s.arg)) refresh.leases[s.arg] = parseLeases(s.body);
    else if (s.kind === "dom-agent" && isUuid(s.arg)) refresh.agent[s.arg] = [...parseDomifaddr(s.body)];
  }
  return refresh;
}
