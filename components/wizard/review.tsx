"use client";

import { CopyButton } from "@/components/changes/copy-button";
import { shellLine } from "@/components/changes/shell-line";
import type { ReviewState } from "./use-review";
import { ErrorBox } from "@/components/ui";

/** The XML and the exact commands Finish will run (the audit log records the same argv), plus a Routed network's return route. */
export function Review({ state }: { state: ReviewState }) {
  const { review, error, loading } = state;
  return (
    <section aria-label="Review" aria-busy={loading} className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <h3 className="font-semibold">What Finish will do</h3>
      <ErrorBox message={error} />
      {review ? (
        <>
          <ol aria-label="Commands to run" className="space-y-2">
            {review.commands.map((c, i) => {
              const line = shellLine(c.argv, c.stdin ? "the XML below" : undefined);
              return (
                <li key={i} className="text-sm">
                  <span className="font-medium">{i + 1}. {c.title}</span>
                  <div className="mt-1 flex items-start gap-2">
                    <code data-argv={JSON.stringify(c.argv)} className="block flex-1 whitespace-pre-wrap break-all rounded bg-zinc-100 px-2 py-1 font-mono text-xs dark:bg-zinc-900">{line}</code>
                    <CopyButton text={line} label={`Copy command ${i + 1}`} />
                  </div>
                </li>
              );
            })}
          </ol>
          <div className="flex items-start gap-2">
            <pre aria-label="Network XML" data-uuid={review.uuid} className="max-h-80 flex-1 overflow-auto rounded bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-900">{review.xml}</pre>
            <CopyButton text={review.xml} label="Copy XML" />
          </div>
          {review.returnRoutes.length ? (
            <div aria-label="Return route" role="note" className="space-y-1 text-sm">
              <p>A routed network needs a route back on the upstream router:</p>
              {review.returnRoutes.map((r) => (
                <div key={r} className="flex items-start gap-2">
                  <code className="flex-1 rounded bg-zinc-100 px-2 py-1 font-mono text-xs dark:bg-zinc-900">{r}</code>
                  <CopyButton text={r} label="Copy return route" />
                </div>
              ))}
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
