import type { AuditRow } from "@/lib/db/schema";
import { formatCommand } from "@/lib/audit/format";

const resultStyle: Record<string, string> = {
  ok: "text-green-700 dark:text-green-400",
  failed: "text-red-700 dark:text-red-400",
};

export function AuditEntryRow({ entry }: { entry: AuditRow }) {
  return (
    <tr className="border-b border-zinc-100 align-top dark:border-zinc-800">
      <td className="py-2 pr-4 whitespace-nowrap">
        <time dateTime={entry.at.toISOString()}>{entry.at.toISOString().replace("T", " ").slice(0, 19)} UTC</time>
      </td>
      <td className="py-2 pr-4 font-mono">{entry.actorUsername}</td>
      <td className="py-2 pr-4">{entry.hostName ?? "—"}</td>
      <td className="py-2 pr-4 font-mono">{entry.action}</td>
      <td className="py-2 pr-4 break-all">{entry.target}</td>
      <td className="py-2 pr-4">
        {entry.commands.length ? (
          <pre className="max-w-xl overflow-x-auto text-xs">{entry.commands.map(formatCommand).join("\n")}</pre>
        ) : null}
        {entry.xml ? (
          <details className="mt-1">
            <summary className="cursor-pointer text-xs text-zinc-500">XML</summary>
            <pre className="max-w-xl overflow-x-auto text-xs">{entry.xml}</pre>
          </details>
        ) : null}
      </td>
      <td className={`py-2 ${resultStyle[entry.result] ?? ""}`}>
        {entry.result}
        {entry.detail ? <div className="text-xs text-zinc-500">{entry.detail}</div> : null}
      </td>
    </tr>
  );
}
