// The lab as a library for tests and scripts: read .lab/hosts.json and run commands inside
// a lab host. Plain node:child_process (no ssh2): these helpers reach the hosts through
// their namespaces, so they keep working when the code under test (SSH) does not.
export { readLabHosts, labHost, labLan, labRoot, type LabHost, type LabHostLan, type LabLan } from "./hosts";
export { labExec, labVirsh, hostNamespaces, type ExecResult, type ExecOptions } from "./exec";
export {
  LAN,
  networkBridge,
  plugGuest,
  probe,
  type Guest,
  type GuestOptions,
  type Lease,
  type ProbeOptions,
  type ProbeResult,
} from "./probe";
export { parseCidr, portgroupVlan, vlanOfPortgroupXml, type OvsVlan } from "./vlan";
export { listen, type Listener, type ListenOptions } from "./listen";
export { rekey, restoreKey, servedFingerprint, sshdLogPath } from "./sshd";
export { fault, MAX_CUT_SECONDS, type FaultKind } from "./faults";
