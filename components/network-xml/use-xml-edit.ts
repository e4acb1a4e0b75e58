"use client";

import { useState } from "react";
import { loadNetworkXmlForEdit, planXmlEdit } from "@/app/hosts/[host]/networks/[name]/xml/actions";
import type { XmlEditReview } from "@/lib/domain/plan";

type PlanReview = Extract<XmlEditReview, { kind: "plan" }>;
const UNREACHABLE = { ok: false as const, code: "unreachable", message: "The server could not be reached." };

/**
 * The editor's state: the definition as loaded (kept verbatim, so the server
 * can tell whether the host changed since), the last check's outcome, and a
 * newer version when the host's copy moved on.
 */
export function useXmlEdit(host: string, uuid: string) {
  const [loaded, setLoaded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState<string | null>(null);
  const [review, setReview] = useState<PlanReview | null>(null);
  const reset = () => { setError(null); setStale(null); setReview(null); };

  const open = async (): Promise<string | null> => {
    reset();
    setBusy(true);
    const result = await loadNetworkXmlForEdit({ host, uuid }).catch(() => UNREACHABLE);
    setBusy(false);
    if (!result.ok) { setError(result.message); return null; }
    setLoaded(result.data.xml);
    return result.data.xml;
  };

  const check = async (edited: string) => {
    if (loaded === null) return;
    reset();
    setBusy(true);
    const result = await planXmlEdit({ host, uuid, loaded, edited }).catch(() => UNREACHABLE);
    setBusy(false);
    if (!result.ok) setError(result.message);
    else if (result.data.kind === "stale") { setError(result.data.message); setStale(result.data.current); }
    else setReview(result.data);
  };

  /** Rebase the editor on the host's newer version (the operator's edit is dropped). */
  const restartFrom = (current: string) => { reset(); setLoaded(current); return current; };
  const close = () => { reset(); setLoaded(null); };
  return { loaded, busy, error, stale, review, open, check, restartFrom, close };
}
