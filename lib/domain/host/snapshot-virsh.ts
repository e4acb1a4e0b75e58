// Readers for the small virsh outputs in a snapshot: versions and DHCP leases.
import type { DhcpLease, LibvirtVersions } from "./snapshot";
import { virshLines } from "./snapshot-sections";

/** `version --daemon`: "Using library: libvirt 9.0.0", "Running hypervisor: QEMU 7.2.0", … */
export function parseVersions(body: string): LibvirtVersions {
  const versions: LibvirtVersions = {};
  for (const line of virshLines(body)) {
    const [label, value] = line.split(/:\s+/, 2);
    if (!value) continue;
    if (label === "Using library") versions.library = value.replace(/^libvirt\s+/, "");
    else if (label === "Running against daemon") versions.daemon = value;
    else if (label === "Running hypervisor") versions.hypervisor = value;
  }
  return versions;
}

// " 2026-11-23 09:49:09   52:54:00:6b:3c:58   ipv4       192.168.122.50/24   web1   -"
const LEASE =
  /^\s*(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)\s+([0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5})\s+(ipv4|ipv6)\s+([0-9a-fA-F.:]+)\/(\d{1,3})\s+(\S+)/;

/** `net-dhcp-leases`: one lease per table row; headers and prompts do not match. */
export function parseLeases(body: string): DhcpLease[] {
  const leases: DhcpLease[] = [];
  for (const line of virshLines(body)) {
    const m = LEASE.exec(line);
    if (!m) continue;
    const hostname = m[6] === "-" ? undefined : m[6];
    leases.push({
      expiry: m[1]!,
      mac: m[2]!.toLowerCase(),
      family: m[3] as "ipv4" | "ipv6",
      ip: m[4]!,
      prefix: Number(m[5]),
      ...(hostname ? { hostname } : {}),
    });
  }
  return leases;
}
