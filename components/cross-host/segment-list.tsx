"use client";

import { useState } from "react";
import { planCrossHostAddHost, planCrossHostDelete, planCrossHostRemoveHost } from "@/app/networks/cross-host/actions";
import { FlowError, usePlanFlow, type PlanFlow } from "@/components/interfaces/use-plan-flow";
import { dangerButton, secondaryButton, Select, smallButton } from "@/components/ui";
import { segmentBridge, segmentVxlan, type CrossHostSegment, type UnderlayCandidate } from "@/lib/domain/cross-host";

/** The site's cross-host networks, one row each with every host it spans. */
export function CrossHostSegments({ segments, canChange, candidates }: { segments: CrossHostSegment[]; canChange: boolean; candidates: Record<string, UnderlayCandidate[]> }) {
  const flow = usePlanFlow();
  if (segments.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No cross-host networks yet.</p>;
  return (
    <section aria-label="Cross-host networks" className="space-y-3">
      <FlowError flow={flow} />
      {segments.map((s) => (
        <SegmentCard key={s.name} segment={s} canChange={canChange} candidates={candidates} flow={flow} />
      ))}
      {flow.dialog}
    </section>
  );
}

function SegmentCard({ segment: s, canChange, candidates, flow }: { segment: CrossHostSegment; canChange: boolean; candidates: Record<string, UnderlayCandidate[]>; flow: PlanFlow }) {
  const gateway = s.hosts.find((h) => h.hostId === s.gatewayHostId);
  const outside = Object.keys(candidates).filter((h) => !s.hosts.some((m) => m.hostName === h));
  const [adding, setAdding] = useState(outside[0] ?? "");
  const [underlay, setUnderlay] = useState("");
  const addingUnderlay = underlay || candidates[adding]?.[0]?.address || "";
  return (
    <article aria-label={`Cross-host network ${s.name}`} data-segment={s.name} className="space-y-2 rounded-lg border border-zinc-200 p-4 text-sm dark:border-zinc-800">
      <h2 className="text-base font-semibold">{s.name}</h2>
      <p>
        VNI {s.vni} · MTU {s.mtu} · {s.addressing.mode === "nat" ? "NAT" : "isolated"} {s.addressing.address}/{s.addressing.prefix} · gateway and DHCP on {gateway?.hostName} · bridge{" "}
        <span className="font-mono">{segmentBridge(s.vni)}</span> with VXLAN port <span className="font-mono">{segmentVxlan(s.vni)}</span> on each host
      </p>
      <table className="text-left">
        <thead><tr><th className="pr-4">Host</th><th className="pr-4">Underlay</th><th className="pr-4">Peers</th><th /></tr></thead>
        <tbody>
          {s.hosts.map((h) => (
            <tr key={h.hostId} data-host={h.hostName}>
              <td className="pr-4">{h.hostName}{h.hostId === s.gatewayHostId ? " (gateway)" : ""}</td>
              <td className="pr-4 font-mono">{h.underlay}</td>
              <td className="pr-4 font-mono">{s.hosts.filter((p) => p.hostId !== h.hostId).map((p) => p.underlay).join(", ")}</td>
              <td>
                {canChange && h.hostId !== s.gatewayHostId && s.hosts.length > 2 ? (
                  <button type="button" className={smallButton} disabled={flow.busy} onClick={() => flow.ask(() => planCrossHostRemoveHost({ segment: s.name, host: h.hostName }))}>
                    Remove {h.hostName} from {s.name}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {canChange ? (
        <div className="flex flex-wrap items-end gap-2">
          {outside.length ? (
            <form aria-label={`Add a host to ${s.name}`} className="flex flex-wrap items-end gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                void flow.ask(() => planCrossHostAddHost({ segment: s.name, host: adding, underlay: addingUnderlay }));
              }}>
              <Select label="Host to add" value={adding} onChange={(e) => { setAdding(e.target.value); setUnderlay(""); }} error={flow.fieldErrors.host}>
                {outside.map((h) => <option key={h} value={h}>{h}</option>)}
              </Select>
              <Select label="Its underlay address" value={addingUnderlay} onChange={(e) => setUnderlay(e.target.value)} error={flow.fieldErrors.underlay}>
                {(candidates[adding] ?? []).map((c) => <option key={c.address} value={c.address}>{`${c.address} (${c.ifname})`}</option>)}
              </Select>
              <button type="submit" className={secondaryButton} disabled={flow.busy || !adding}>Add host to {s.name}</button>
            </form>
          ) : null}
          <button type="button" className={dangerButton} disabled={flow.busy} onClick={() => flow.ask(() => planCrossHostDelete({ segment: s.name }))}>
            Delete {s.name}
          </button>
        </div>
      ) : null}
    </article>
  );
}
