import Link from "next/link";
import type { GuardedChange, GuardOutcome, NicAddress, NicRoute } from "@/lib/domain/plan";
import { newNetworkHref } from "@/lib/routes";
import { CopyButton } from "./copy-button";

// What a change guarded by a dead-man switch shows before it runs (the
// addresses and routes now and after, the exact ip -batch inputs both ways,
// the switch's time, persistence) and how it ended.

const pre = "max-h-56 flex-1 overflow-auto whitespace-pre rounded bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-900";

const addressText = (a: NicAddress) => `${a.local}/${a.prefixlen}${a.broadcast ? ` brd ${a.broadcast}` : ""}${a.dynamic ? " (dynamic)" : ""}`;
const routeText = (r: NicRoute) =>
  [r.type && r.type !== "unicast" ? r.type : "", r.dst, r.gateway ? `via ${r.gateway}` : "", `dev ${r.dev}`, r.protocol ? `proto ${r.protocol}` : "", r.scope ? `scope ${r.scope}` : "", r.prefsrc ? `src ${r.prefsrc}` : "", r.metric !== undefined ? `metric ${r.metric}` : ""]
    .filter(Boolean)
    .join(" ");

function StateTable({ guard }: { guard: GuardedChange }) {
  const devices = [...new Set([guard.nic, guard.bridge])];
  return (
    <table aria-label="Addresses and routes" className="w-full text-left text-xs">
      <thead><tr>{["", "Now", "After the change"].map((h) => <th key={h} scope="col" className="py-1 pr-4 font-medium">{h}</th>)}</tr></thead>
      <tbody className="font-mono">
        {devices.map((d) => (
          <tr key={d} data-device={d}>
            <th scope="row" className="py-1 pr-4 text-left font-medium">{d} addresses</th>
            <td className="py-1 pr-4" data-when="before">{(guard.before.addresses[d] ?? []).map(addressText).join(", ") || "none"}</td>
            <td className="py-1 pr-4" data-when="after">{(guard.after.addresses[d] ?? []).map(addressText).join(", ") || "none"}</td>
          </tr>
        ))}
        <tr>
          <th scope="row" className="py-1 pr-4 text-left align-top font-medium">Routes</th>
          <td className="py-1 pr-4 align-top" data-when="before"><ul>{guard.before.routes.map((r) => <li key={routeText(r)}>{routeText(r)}</li>)}</ul></td>
          <td className="py-1 pr-4 align-top" data-when="after"><ul>{guard.after.routes.map((r) => <li key={routeText(r)}>{routeText(r)}</li>)}</ul></td>
        </tr>
      </tbody>
    </table>
  );
}

function Input({ label, text }: { label: string; text: string }) {
  return (
    <div className="space-y-1">
      <p className="font-medium">{label}</p>
      <div className="flex items-start gap-2">
        <pre aria-label={label} className={pre}>{text}</pre>
        <CopyButton text={text} label={`Copy ${label.toLowerCase()}`} />
      </div>
    </div>
  );
}

export function GuardDetails({ guard }: { guard: GuardedChange }) {
  const p = guard.persistence;
  return (
    <div className="space-y-3 text-sm" data-switch-id={guard.switchId}>
      <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-2 dark:border-amber-700 dark:bg-amber-950">
        Guarded by a dead-man switch on the host: unless Switchyard proves the host reachable through a new SSH connection to {guard.reachedAt} and disarms it
        within <strong data-testid="switch-seconds">{guard.seconds} s</strong>, the host runs the undo input by itself.
      </p>
      <StateTable guard={guard} />
      <Input label={guard.runner === "argv" ? "Change commands (one per line)" : "Change input (ip -batch)"} text={guard.doInput} />
      <Input label={guard.runner === "argv" ? "Undo commands (one per line, every one run)" : "Undo input (ip -force -batch)"} text={guard.undoInput} />
      <div aria-label="Persistence" role="group" className="space-y-1">
        <p className="font-medium">After a reboot</p>
        <p data-testid="persistence">{p.text}</p>
        {p.manager !== "none" ? (
          <>
            {p.files.map((f) => <Input key={f.path} label={f.path} text={f.content} />)}
            {p.commands.length ? <Input label="Commands" text={p.commands.map((c) => c.join(" ")).join("\n")} /> : null}
          </>
        ) : null}
      </div>
    </div>
  );
}

export function GuardResult({ outcome, host, bridge }: { outcome: GuardOutcome; host: string; bridge?: string }) {
  return (
    <div data-testid="guard-outcome" data-outcome={outcome.outcome} className="space-y-1 text-sm">
      <p className="font-medium">{outcome.text}</p>
      <ul aria-label="Timings" className="text-xs text-zinc-600 dark:text-zinc-400">
        {outcome.timings.map((t) => <li key={t.label}>+{t.seconds} s: {t.label}</li>)}
      </ul>
      {outcome.outcome === "disarmed" && bridge ? (
        <Link href={bridgedNetworkHref(host, bridge)} className="text-brand-600 hover:underline dark:text-brand-500">Create a bridged network on {bridge} →</Link>
      ) : null}
    </div>
  );
}

/** The wizard's bridged mode with the bridge chosen. */
const bridgedNetworkHref = (host: string, bridge: string) => `${newNetworkHref(host)}?mode=bridge&bridge=${encodeURIComponent(bridge)}`;
