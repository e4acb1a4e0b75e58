import type { Metadata } from "next";
import { CrossHostCreateForm } from "@/components/cross-host/create-form";
import { CrossHostSegments } from "@/components/cross-host/segment-list";
import { requirePageRole } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { readHosts } from "@/lib/changes/cross-host-read";
import { retryPendingRemovals } from "@/lib/changes/cross-host-pending";
import { listSegments } from "@/lib/changes/cross-host-store";
import { rankUnderlays, suggestVni, underlayCandidates, type UnderlayCandidate } from "@/lib/domain/cross-host";

export const metadata: Metadata = { title: "Cross-host networks" };
export const dynamic = "force-dynamic";

export default async function CrossHostPage() {
  const operator = await requirePageRole("viewer");
  // Parts of deleted segments on hosts that were down: removed now if those hosts answer.
  const { cleaned, still } = await retryPendingRemovals();
  const segments = await listSegments();
  const canChange = hasRole(operator.role, "operator");
  let candidates: Record<string, UnderlayCandidate[]> = {};
  let unreadable: string[] = [];
  if (canChange) {
    const { listHosts } = await import("@/lib/hosts");
    const hosts = await listHosts();
    // Bounded per host: a dead host is listed as not offered instead of holding up the page.
    const reads = await readHosts(hosts.map((h) => h.id), 3_000);
    candidates = rankUnderlays(Object.fromEntries(reads.flatMap((r) => (r.ok ? [[r.data.host.name, underlayCandidates(r.data.snapshot)]] : []))));
    unreadable = hosts.filter((_, i) => !reads[i]!.ok).map((h) => h.name);
  }
  const hostNames = new Map(segments.flatMap((s) => s.hosts.map((h) => [h.hostId, h.hostName] as const)));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Cross-host networks</h1>
      <p className="max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">
        One layer-2 segment across hypervisors, carried in VXLAN over each host&apos;s underlay address (UDP 4789, every other host listed as a
        peer, no multicast). One host is the gateway: its libvirt network holds the subnet and serves DHCP; the others bridge into it.
        The bridges, VXLAN ports and peer entries are runtime host changes and do not survive a reboot; the libvirt networks are persistent.
      </p>
      {cleaned.length ? <p role="status" className="text-sm">Removed pending parts: {cleaned.map((p) => `${p.segmentName} on ${hostNames.get(p.hostId) ?? p.hostId}`).join(", ")}.</p> : null}
      {still.length ? (
        <section aria-label="Pending removals" className="text-sm">
          <h2 className="font-medium">Pending removals</h2>
          <ul className="list-disc pl-5">{still.map((p) => <li key={p.id}>{p.segmentName}: host {p.hostId} has not answered yet; removed the next time it does.</li>)}</ul>
        </section>
      ) : null}
      <CrossHostSegments segments={segments} canChange={canChange} candidates={candidates} />
      {canChange ? <CrossHostCreateForm candidates={candidates} unreadable={unreadable} suggestedVni={suggestVni(segments.map((s) => s.vni))} /> : null}
    </div>
  );
}
