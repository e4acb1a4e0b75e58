// The lab as a library for tests and scripts: read .lab/hosts.json and run commands inside
// a lab host. Plain node:child_process (no ssh2): these helpers reach the hosts through
// their namespaces, so they keep working when the code under test (SSH) does not.
export { readLabHosts, labHost, labRoot, type LabHost } from "./hosts";
export { labExec, labVirsh, hostNamespaces, type ExecResult, type ExecOptions } from "./exec";
export { plugGuest, probe, type Guest, type GuestOptions, type Lease, type ProbeOptions, type ProbeResult } from "./probe";
export { rekey, restoreKey, servedFingerprint, sshdLogPath } from "./sshd";
export { fault } from "./faults";
