import "server-only";

// The hosts service: everything the app knows about hypervisor hosts, and the
// only way other features get a connection target for one.

export { getHostTarget, findHostTarget } from "./target";
export { HostLookupError, isHostLookupError } from "./errors";
export { listHosts, findHost } from "./list";
export { readHostStatus } from "./status";
export { probeHostKey } from "./probe";
export type { HostKeyInfo } from "@/lib/ssh";
export { addHost } from "./add";
export { editHost } from "./edit";
export { removeHost } from "./remove";
export { repinHostKey } from "./repin";
export { createGeneratedKey } from "./generated-keys";
export type { PublicKeyOffer } from "@/lib/domain/host/status";
export { generateEd25519KeyPair } from "./keygen";
