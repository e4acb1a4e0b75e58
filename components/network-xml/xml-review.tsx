import type { XmlEditReview } from "@/lib/domain/plan";
import { secondaryButton } from "@/components/ui";
import { XmlDiff } from "./xml-diff";

type PlanReview = Extract<XmlEditReview, { kind: "plan" }>;

/** What the edit changes, which parts wait for a restart, and the way on to the plan. */
export function XmlReview({ review, onContinue }: { review: PlanReview; onContinue: () => void }) {
  const waits = review.changes.filter((c) => review.active && c.restart);
  return (
    <section aria-label="Review of the edit" className="space-y-3">
      <XmlDiff lines={review.diff} />
      <ul aria-label="Changed parts" className="list-disc space-y-1 pl-5 text-sm">
        {review.changes.map((c) => (
          <li key={c.path}>
            <code className="font-mono">{c.path}</code>:{" "}
            {!review.active ? "applies when the network starts" : c.restart ? "needs a restart of the network" : "can go live from the DHCP/DNS tabs; through this editor it waits for a restart"}
          </li>
        ))}
      </ul>
      {waits.length > 0 ? <p className="text-sm font-medium">{waits.length} change{waits.length === 1 ? "" : "s"} need{waits.length === 1 ? "s" : ""} a restart of the network to take effect.</p> : null}
      <button type="button" className={secondaryButton} onClick={onContinue}>Continue to the plan</button>
    </section>
  );
}
