import { addHost, editHost, probeEditedHostKey, probeHostKey } from "@/app/hosts/actions";
import type { HostForm } from "@/lib/domain/host/schema";

// What each step sends. The key probe gets no secret at all; the save sends
// only the secret of the chosen method (a generated key is a handle, since
// its private half never left the server).

export type OfferedKey = { keyType: string; fingerprint: string };

export function checkHostKey(values: HostForm, editingId?: string) {
  const endpoint = { name: values.name, address: values.address, port: values.port, username: values.username, authKind: values.authKind };
  return editingId ? probeEditedHostKey({ hostId: editingId, endpoint }) : probeHostKey(endpoint);
}

export function saveHost(values: HostForm, key: OfferedKey, editingId?: string) {
  const { privateKey, password, generatedKeyId, ...endpoint } = values;
  const secret =
    values.authKind === "password" ? { password } : generatedKeyId ? { generatedKeyId } : { privateKey };
  const input = { form: { ...endpoint, ...secret }, keyType: key.keyType, fingerprint: key.fingerprint };
  return editingId ? editHost({ ...input, hostId: editingId }) : addHost(input);
}
