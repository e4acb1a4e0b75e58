import type { ActionFailure } from "@/lib/actions/result";

/** A host that could not be read: what went wrong, in the transport's words. */
export function HostError({ host, failure }: { host: string; failure: ActionFailure }) {
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200">
      <p className="font-medium">Could not read {host}</p>
      <p className="mt-1">{failure.message}</p>
    </div>
  );
}
