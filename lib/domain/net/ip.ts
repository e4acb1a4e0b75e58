// Address and CIDR helpers over ipaddr.js. ipaddr.js does the parsing,
// masking and range classification; this file only adds strictness (it
// accepts "10.1" and "0x7f.1" as IPv4, which an operator never means) and
// offset arithmetic, which ipaddr.js does not have.
import ipaddr from "ipaddr.js";

export type Family = "ipv4" | "ipv6";
type Addr = ipaddr.IPv4 | ipaddr.IPv6;

/** A parsed prefix: the address as written and its prefix length. */
export type Cidr = { family: Family; address: string; prefix: number };

const maxPrefix = (family: Family) => (family === "ipv4" ? 32 : 128);

/** Strict parse: dotted quad for IPv4, no zone id for IPv6. */
export function parseAddress(text: string): Addr | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (!text.includes("%") && ipaddr.IPv6.isValid(text)) return ipaddr.IPv6.parse(text);
  return null;
}

export function familyOf(text: string): Family | null {
  return parseAddress(text)?.kind() ?? null;
}

export const isIPv4 = (text: string) => familyOf(text) === "ipv4";

/** "10.0.0.0/24" → Cidr; a bare address counts as a host prefix (/32, /128), as `ip route` prints it. */
export function parseCidr(text: string, opts: { bareIsHost?: boolean } = {}): Cidr | null {
  const slash = text.indexOf("/");
  const address = slash < 0 ? text : text.slice(0, slash);
  const addr = parseAddress(address);
  if (!addr) return null;
  const family = addr.kind();
  if (slash < 0) return opts.bareIsHost ? { family, address, prefix: maxPrefix(family) } : null;
  const prefixText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  if (prefix > maxPrefix(family)) return null;
  return { family, address, prefix };
}

const toBig = (a: Addr) => a.toByteArray().reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);

function fromBig(family: Family, value: bigint): string {
  const len = family === "ipv4" ? 4 : 16;
  const bytes: number[] = [];
  for (let i = 0; i < len; i++) bytes.unshift(Number((value >> BigInt(8 * i)) & 0xffn));
  const addr = ipaddr.fromByteArray(bytes);
  return addr.kind() === "ipv6" ? (addr as ipaddr.IPv6).toRFC5952String() : addr.toString();
}

function mustParse(text: string): Addr {
  const a = parseAddress(text);
  if (!a) throw new Error(`not an IP address: ${text}`);
  return a;
}

export function networkAddress(c: Cidr): string {
  return fromBig(c.family, toBig(mustParse(c.address)) & ~hostMask(c));
}

function hostMask(c: Cidr): bigint {
  return (1n << BigInt(maxPrefix(c.family) - c.prefix)) - 1n;
}

export function broadcastAddress(c: Cidr): string {
  return fromBig(c.family, toBig(mustParse(c.address)) | hostMask(c));
}

/** Number of addresses in the prefix (a bigint: an IPv6 /64 has 2^64). */
export const sizeOf = (c: Cidr): bigint => hostMask(c) + 1n;

/** The address `offset` past the network address (negative counts back from it). */
export function offsetAddress(c: Cidr, offset: bigint | number): string {
  return fromBig(c.family, (toBig(mustParse(networkAddress(c))) + BigInt(offset)) & allOnes(c.family));
}

const allOnes = (f: Family) => (1n << BigInt(maxPrefix(f))) - 1n;

/** Position of `address` relative to the network address of `c` (may be outside it). */
export function offsetOf(c: Cidr, address: string): bigint {
  return toBig(mustParse(address)) - toBig(mustParse(networkAddress(c)));
}

export function contains(c: Cidr, address: string): boolean {
  const a = parseAddress(address);
  return !!a && a.kind() === c.family && a.match(mustParse(c.address), c.prefix);
}

/** Two prefixes overlap when either contains the other's network address. */
export function overlaps(a: Cidr, b: Cidr): boolean {
  if (a.family !== b.family) return false;
  const short = a.prefix <= b.prefix ? a : b;
  const long = short === a ? b : a;
  return contains(short, long.address);
}

/** Compare two addresses of one family numerically. */
export function compareAddresses(a: string, b: string): number {
  const d = toBig(mustParse(a)) - toBig(mustParse(b));
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

export const sameAddress = (a: string, b: string) => {
  const x = parseAddress(a);
  const y = parseAddress(b);
  return !!x && !!y && x.kind() === y.kind() && toBig(x) === toBig(y);
};

/** The canonical network prefix string, e.g. 192.168.100.0/24 for 192.168.100.7/24. */
export const networkCidr = (c: Cidr) => `${networkAddress(c)}/${c.prefix}`;

export function prefixToNetmask(prefix: number): string {
  return ipaddr.IPv4.subnetMaskFromPrefixLength(prefix).toString();
}

/** null when the text is not a contiguous IPv4 netmask. */
export function netmaskToPrefix(mask: string): number | null {
  if (!ipaddr.IPv4.isValidFourPartDecimal(mask)) return null;
  return ipaddr.IPv4.parse(mask).prefixLengthFromSubnetMask();
}

/** RFC 1918 for IPv4 and ULA (fc00::/7) for IPv6: what virt-manager calls "Private". */
export function isPrivate(c: Cidr): boolean {
  const range = mustParse(networkAddress(c)).range();
  const last = mustParse(broadcastAddress(c)).range();
  const privateName = c.family === "ipv4" ? "private" : "uniqueLocal";
  return range === privateName && last === privateName;
}
