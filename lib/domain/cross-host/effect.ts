// What a cross-host plan does to the store once every host has applied it:
// the plan carries it, so the store changes exactly when the hosts did.
import type { CrossHostSegment } from "./segment";

/** A deleted segment's part on a host that could not be reached: argv run (each allowed to fail) the next time it answers. */
export type PendingRemoval = { hostId: string; hostName: string; commands: string[][] };

export type CrossHostEffect =
  | { kind: "save"; segment: CrossHostSegment }
  | { kind: "delete"; name: string; pending: PendingRemoval[] };
