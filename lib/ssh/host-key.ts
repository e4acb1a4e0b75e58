import "server-only";
import { SshConnection } from "./connection";
import { HostKeyUnknown } from "./errors";
import { transportSettings } from "./pool";
import type { HostKeyInfo } from "./types";

/**
 * The host key a server offers, for the "Trust this host key" step. It connects
 * with nothing pinned, so the key exchange stops at our host verifier: no user
 * name is used, no password or signature is ever sent.
 */
export async function fetchHostKey(address: string, port = 22, timeoutMs?: number): Promise<HostKeyInfo> {
  const settings = { ...transportSettings(), connectTimeoutMs: timeoutMs ?? transportSettings().connectTimeoutMs };
  try {
    const connection = await SshConnection.open(
      { id: `probe:${address}:${port}`, address, port, username: "-", auth: { kind: "password", password: "" }, pinnedFingerprint: null },
      settings,
    );
    connection.end(); // cannot happen: an unpinned key never gets past the verifier
    throw new Error("host key check unexpectedly passed");
  } catch (error) {
    if (error instanceof HostKeyUnknown) return { keyType: error.keyType, fingerprint: error.fingerprint };
    throw error;
  }
}
