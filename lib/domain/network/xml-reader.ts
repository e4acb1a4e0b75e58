// A read-tracking view of a parsed XML element. The parser reads what the
// model carries through it; whatever was never read is XML the model does not
// know, and is reported (as XPath-like paths) instead of silently dropped, so
// an editor can warn that saving through the model would lose it.
import { ATTR, TEXT } from "./xml-options";

type Raw = Record<string, unknown>;

export class ParseError extends Error {}

export class XmlNode {
  private readonly used = new Set<string>();
  private readonly kids = new Map<string, XmlNode[]>();
  private left = false;

  constructor(
    private readonly raw: Raw,
    readonly path: string,
  ) {}

  attr(name: string): string | undefined {
    this.used.add(ATTR + name);
    const v = this.raw[ATTR + name];
    return typeof v === "string" ? v : undefined;
  }

  /** Give the whole element back: the model does not carry it, so it is reported as one unread path. */
  leave(): void {
    this.left = true;
  }

  /** Mark an attribute as known without reading it (runtime-only values such as `connections`). */
  ignore(name: string): void {
    this.used.add(ATTR + name);
  }

  text(): string {
    this.used.add(TEXT);
    const v = this.raw[TEXT];
    return typeof v === "string" ? v : "";
  }

  /** All children of this name, each marked as read. */
  children(name: string): XmlNode[] {
    return this.nodes(name);
  }

  /** The first child of this name; further ones stay unread and are reported. */
  child(name: string): XmlNode | undefined {
    return this.nodes(name, 1)[0];
  }

  private nodes(name: string, limit = Infinity): XmlNode[] {
    const list = this.raw[name];
    if (!Array.isArray(list)) return [];
    const known = this.kids.get(name) ?? [];
    const wanted = Math.min(list.length, limit);
    for (let i = known.length; i < wanted; i++) {
      const suffix = list.length > 1 ? `[${i + 1}]` : "";
      known.push(new XmlNode((list[i] ?? {}) as Raw, `${this.path}/${name}${suffix}`));
    }
    this.kids.set(name, known);
    return known.slice(0, wanted);
  }

  /** Paths of every attribute, element and text this node holds that was never read. */
  unread(): string[] {
    const out: string[] = [];
    for (const [key, value] of Object.entries(this.raw)) {
      if (key.startsWith(ATTR)) {
        if (!this.used.has(key)) out.push(`${this.path}/@${key.slice(ATTR.length)}`);
      } else if (key === TEXT) {
        if (!this.used.has(key) && typeof value === "string" && value.trim() !== "") out.push(`${this.path}/text()`);
      } else if (Array.isArray(value)) {
        const read = this.kids.get(key) ?? [];
        value.forEach((_, i) => {
          const node = read[i];
          if (node && !node.left) out.push(...node.unread());
          else out.push(`${this.path}/${key}${value.length > 1 ? `[${i + 1}]` : ""}`);
        });
      }
    }
    return out;
  }

  // Typed attribute readers: a value libvirt would not write is a parse error, not a guess.

  yesNo(name: string, yes = "yes", no = "no"): boolean | undefined {
    const v = this.attr(name);
    if (v === undefined) return undefined;
    if (v === yes) return true;
    if (v === no) return false;
    throw new ParseError(`${this.path}/@${name}: expected '${yes}' or '${no}', found '${v}'`);
  }

  int(name: string): number | undefined {
    const v = this.attr(name);
    if (v === undefined) return undefined;
    if (!/^\d{1,9}$/.test(v.trim())) throw new ParseError(`${this.path}/@${name}: expected a whole number, found '${v}'`);
    return Number(v.trim());
  }

  required(name: string): string {
    const v = this.attr(name);
    if (v === undefined) throw new ParseError(`${this.path}: missing attribute '${name}'`);
    return v;
  }
}
