import Link from "next/link";
import { crossHostNetworksHref } from "@/lib/routes";
import type { CrossHostSegment } from "@/lib/domain/cross-host";

/** On the fleet's Networks page: each cross-host network once, with the hosts it spans. */
export function CrossHostFleetSummary({ segments, canCreate }: { segments: CrossHostSegment[]; canCreate: boolean }) {
  return (
    <section aria-label="Cross-host networks summary" className="space-y-1 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="font-medium">Cross-host networks</h2>
        <Link href={crossHostNetworksHref} className="text-brand-700 underline dark:text-brand-400">{canCreate ? "Create a cross-host network" : "Show cross-host networks"}</Link>
      </div>
      {segments.length ? (
        <ul className="list-disc pl-5">
          {segments.map((s) => (
            <li key={s.name} data-segment={s.name}>
              <span className="font-mono">{s.name}</span> (VNI {s.vni}, MTU {s.mtu}) on {s.hosts.map((h) => `${h.hostName}${h.hostId === s.gatewayHostId ? " (gateway)" : ""}`).join(", ")}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
