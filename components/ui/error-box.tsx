/** The form-level message (not tied to one field), announced when it appears; line breaks kept (libvirt's own output). */
export function ErrorBox({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="whitespace-pre-wrap rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-300">
      {message}
    </p>
  );
}
