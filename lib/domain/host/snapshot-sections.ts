// Splits the snapshot script's output into its sections. Every section starts
// at a marker "<nonce>|<kind> <arg>" and runs to the next marker. The nonce is
// random per read, so only the script can have written a marker; virsh's
// prompt lines ("virsh # …") stay inside sections and each reader skips them.

export type Section = { kind: string; arg: string; body: string };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function splitSections(output: string, nonce: string): Section[] {
  if (!/^[0-9a-f]{16,}$/.test(nonce)) throw new TypeError("the nonce must be at least 16 hex digits");
  const marker = new RegExp(`${escapeRegExp(nonce)}\\|([^\\n]*)\\n?`, "g");
  const found = [...output.matchAll(marker)];
  return found.map((match, i) => {
    const label = match[1]!.trim();
    const space = label.indexOf(" ");
    const start = match.index! + match[0].length;
    const end = found[i + 1]?.index ?? output.length;
    return {
      kind: space < 0 ? label : label.slice(0, space),
      arg: space < 0 ? "" : label.slice(space + 1),
      body: output.slice(start, end),
    };
  });
}

/** Lines of a virsh section without virsh's prompt and command echo. */
export function virshLines(body: string): string[] {
  return body
    .split("\n")
    .map((line) => line.replace(/\r$/, ""))
    .filter((line) => !line.startsWith("virsh # ") && line !== "virsh #");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const isUuid = (text: string) => UUID.test(text);

/** The UUIDs a `net-list --uuid` / `list --uuid` section printed, one per line. */
export function uuidList(body: string): string[] {
  return body
    .split("\n")
    .map((line) => line.trim().replace(/^virsh # /, ""))
    .filter(isUuid);
}

/**
 * The root element of an XML dump inside a section: from `<root` to the last
 * `</root>`. Inside the document a literal `<` is always escaped, so the first
 * `<root` is the real start whatever the names or descriptions contain.
 */
export function xmlDocument(body: string, root: "network" | "domain"): string | null {
  const start = body.search(new RegExp(`<${root}[\\s>]`));
  const close = `</${root}>`;
  const end = body.lastIndexOf(close);
  if (start < 0 || end < start) return null;
  return body.slice(start, end + close.length);
}
