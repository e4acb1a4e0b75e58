import type { HostRef, SnapshotDomain } from "../host/snapshot";
import type { AttachChoices } from "./attach-choices";
import type { VmNicRow } from "./vm-nic-state";

/** What the VM page renders: the guest, its NICs (live beside persistent), and the sources it may join. */
export type VmPageData = { host: HostRef; vm: Pick<SnapshotDomain, "uuid" | "name" | "state">; rows: VmNicRow[]; choices: AttachChoices };
