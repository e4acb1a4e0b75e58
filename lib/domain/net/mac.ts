// MAC addresses as libvirt writes them: six colon-separated hex octets.

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;

export const isMac = (text: string) => MAC.test(text);

/** Lower-case form, so "52:54:00:AA:..." and "52:54:00:aa:..." compare equal. */
export const normalizeMac = (text: string) => text.toLowerCase();

/** Multicast MACs (low bit of the first octet set) cannot be a NIC's address. */
export function isUnicastMac(text: string): boolean {
  return isMac(text) && (parseInt(text.slice(0, 2), 16) & 1) === 0;
}

export function isZeroMac(text: string): boolean {
  return isMac(text) && /^0{2}(:0{2}){5}$/.test(text);
}
