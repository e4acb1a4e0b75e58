// Name shapes shared by several rules.

/** RFC 1123 host label: letters, digits and '-', 1–63 characters, no '-' at either end. */
const LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

export const isDnsLabel = (text: string) => LABEL.test(text);

/** A dotted DNS name made of RFC 1123 labels, at most 253 characters. */
export function isDnsName(text: string): boolean {
  if (text.length === 0 || text.length > 253) return false;
  return text.split(".").every(isDnsLabel);
}

/**
 * An interface name both Linux and libvirt take: at most 15 bytes (IFNAMSIZ),
 * and only the characters of libvirt's `deviceName` schema type that the
 * kernel also allows (no '/' or ':'), so letters, digits, '_', '.', '-'. A
 * leading '-' is refused too: iproute2 would read it as an option.
 */
export function isInterfaceName(text: string): boolean {
  if (text === "." || text === "..") return false;
  return /^[A-Za-z0-9_.][A-Za-z0-9_.-]{0,14}$/.test(text);
}

/** Characters XML 1.0 cannot carry at all, even escaped (C0 controls other than tab/newline/CR, U+FFFE/U+FFFF, lone surrogates). */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const isXmlSafe = (text: string) => !NOT_XML.test(text);
