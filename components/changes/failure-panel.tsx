import type { FailureView } from "@/lib/domain/plan";

const RESULT_TEXT = {
  failed: "Nothing was changed: the first step failed.",
  "rolled-back": "The change failed; what it had done was undone.",
  partial: "The change failed and could not be fully undone. Check the host.",
  reverted: "Reverted: the host's dead-man switch undid the change because Switchyard could not reach the host through it.",
} as const;

/** The step's failure: libvirt's own words, then what they mean. */
export function FailurePanel({ result, failure }: { result: keyof typeof RESULT_TEXT; failure?: FailureView }) {
  return (
    <div role="alert" className="space-y-2 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200">
      <p className="font-medium">{RESULT_TEXT[result]}</p>
      {failure ? (
        <>
          <pre data-testid="libvirt-message" className="whitespace-pre-wrap break-words font-mono text-xs">{failure.message}</pre>
          <p>{failure.explanation}</p>
        </>
      ) : null}
    </div>
  );
}
