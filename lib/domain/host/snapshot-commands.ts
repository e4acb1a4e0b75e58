// The warm read's virsh command line. A host read needs every network's and
// guest's UUID before it can ask for their XML; the cold read learns them in
// the same virsh process (interactive, fed through a FIFO), which costs a
// readline byte per syscall and a shell that relays the output. When the
// console already knows the UUIDs from its previous read of the host (the
// hint), one non-interactive `virsh -c URI "<commands>"` does the whole read:
// the lists, then the dumps of the hinted UUIDs. The lists stay the truth: a
// UUID they name that the hint lacked makes the read incomplete (see
// `unreadUuids`) and the adapter falls back to the cold read.
//
// The line is built only from UUIDs that match the UUID pattern, the nonce
// (hex) and fixed words, so nothing in it can end a command or open a quote.
import { isUuid } from "./snapshot-sections";

export type SnapshotHint = { networks: string[]; activeNetworks: string[]; domains: string[] };

/** The lists every read asks for, by section kind (plain words only: the cold script is built from them). */
export const SNAPSHOT_LISTS: ReadonlyArray<readonly [kind: string, command: string]> = [
  ["nets", "net-list --all --uuid"],
  ["nets-active", "net-list --uuid"],
  ["doms", "list --all --uuid"],
  ["nets-autostart", "net-list --all --autostart --uuid"],
  ["nets-persistent", "net-list --all --persistent --uuid"],
  ["doms-running", "list --uuid --state-running"],
  ["doms-paused", "list --uuid --state-paused"],
  ["doms-shutoff", "list --all --uuid --state-shutoff"],
];

/** Beyond this the line no longer fits one argument (the kernel allows 128 KiB); the cold read has no limit. */
export const MAX_WARM_COMMAND_BYTES = 96_000;

/** virsh's `echo` of the two quoted halves prints the marker; the command line itself never contains it. */
const marker = (nonce: string, label: string) => `echo "${nonce}""|${label}"`;

export function warmReadCommands(nonce: string, hint: SnapshotHint): string | null {
  if (!/^[0-9a-f]{16,}$/.test(nonce)) throw new TypeError("the nonce must be at least 16 hex digits");
  const uuids = [...hint.networks, ...hint.activeNetworks, ...hint.domains];
  if (!uuids.every(isUuid)) throw new TypeError("a snapshot hint holds UUIDs only");
  const parts = SNAPSHOT_LISTS.flatMap(([kind, command]) => [marker(nonce, kind), command]);
  for (const uuid of hint.networks) parts.push(marker(nonce, `net-xml ${uuid}`), `net-dumpxml ${uuid}`);
  for (const uuid of hint.activeNetworks) parts.push(marker(nonce, `leases ${uuid}`), `net-dhcp-leases ${uuid}`);
  for (const uuid of hint.domains) parts.push(marker(nonce, `dom-xml ${uuid}`), `dumpxml ${uuid}`);
  // The guest agent's view of each NIC; a guest without an agent answers with an error at once.
  for (const uuid of hint.domains) parts.push(marker(nonce, `dom-agent ${uuid}`), `domifaddr ${uuid} --source agent`);
  parts.push(marker(nonce, "virsh-end"));
  const line = parts.join("; ");
  return line.length > MAX_WARM_COMMAND_BYTES ? null : line;
}

/** What a read listed, as the next read's hint. */
export type ListedUuids = SnapshotHint;

/**
 * UUIDs the lists named but the read never dumped (a network or guest that
 * appeared since the hint, or a network started since). Empty for a cold
 * read, which dumps what it listed.
 */
export function unreadUuids(listed: ListedUuids, dumped: { networks: Set<string>; leases: Set<string>; domains: Set<string> }): string[] {
  return [
    ...listed.networks.filter((u) => !dumped.networks.has(u)),
    ...listed.activeNetworks.filter((u) => !dumped.leases.has(u)),
    ...listed.domains.filter((u) => !dumped.domains.has(u)),
  ];
}
