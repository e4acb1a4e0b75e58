import type { ChangeReason } from "./types";

// Classifies the lines the remote event script prints. The script tags each
// virsh loop's output itself (see remote-script.ts), so a line is recognised by
// its tag and never by what the name inside it looks like: a network may be
// called anything, including text that resembles a tag.

export const READY_LINE = "sy-events ready";
export const NETWORK_TAG = "net ";
export const DOMAIN_TAG = "dom ";

export type EventLine = { kind: "ready" } | { kind: "change"; reason: ChangeReason } | { kind: "noise" };

export function classifyLine(raw: string): EventLine {
  // A pty would add \r; tolerate it so either transport mode parses.
  const line = raw.replace(/\r$/, "");
  if (line === READY_LINE) return { kind: "ready" };
  if (line.startsWith(NETWORK_TAG) && line.includes("event '")) return { kind: "change", reason: "network" };
  if (line.startsWith(DOMAIN_TAG) && line.includes("event '")) return { kind: "change", reason: "domain" };
  return { kind: "noise" };
}
