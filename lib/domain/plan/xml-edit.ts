// Shapes the XML editor's server actions return to the browser. Pure data.
import type { Plan } from "./types";

export type DiffLine = { kind: "same" | "added" | "removed"; text: string };

/** One changed part of the network, and whether a running network needs a restart for it. */
export type XmlChange = { path: string; restart: boolean };

export type XmlEditReview =
  | { kind: "plan"; plan: Plan; diff: DiffLine[]; changes: XmlChange[]; active: boolean }
  /** The host's definition changed since the editor loaded it: nothing is planned. */
  | { kind: "stale"; message: string; current: string };

/** What the editor opens: the persistent definition, exactly as virsh printed it. */
export type EditableXml = { uuid: string; xml: string; active: boolean };
