import "server-only";

// How several outputs travel back in one channel. The remote prelude prints a
// marker line before and after each section, on stdout and on stderr alike:
//
//   \n<nonce> begin <n> <label>\n … output … \n<nonce> end <n> <exit code>\n
//
// The nonce is 128 random bits chosen per exec, so no output (a network name,
// an XML document) can forge a marker. Each marker starts with its own "\n",
// so a section's bytes are exact whether or not they end with a newline.

export interface Section {
  /** 1-based position in the output. */
  index: number;
  label: string;
  /** Exit code, or null when the section never finished (killed, timed out). */
  code: number | null;
  stdout: string;
  stderr: string;
}

interface Piece {
  index: number;
  label: string;
  code: number | null;
  text: string;
}

/** Splits one stream (stdout or stderr) into its sections; text outside sections is ignored. */
export function splitSections(text: string, nonce: string): Piece[] {
  const begin = `\n${nonce} begin `;
  const pieces: Piece[] = [];
  let at = text.indexOf(begin);
  while (at !== -1) {
    const headerEnd = text.indexOf("\n", at + begin.length);
    if (headerEnd === -1) break; // cut off inside the header
    const header = text.slice(at + begin.length, headerEnd);
    const space = header.indexOf(" ");
    const index = Number(space === -1 ? header : header.slice(0, space));
    const label = space === -1 ? "" : header.slice(space + 1);
    const end = `\n${nonce} end ${index} `;
    const endAt = text.indexOf(end, headerEnd + 1);
    if (endAt === -1) {
      // Unfinished: everything that arrived, minus a trailing partial marker.
      pieces.push({ index, label, code: null, text: text.slice(headerEnd + 1) });
      break;
    }
    const codeEnd = text.indexOf("\n", endAt + end.length);
    const code = Number(text.slice(endAt + end.length, codeEnd === -1 ? undefined : codeEnd));
    pieces.push({ index, label, code: Number.isInteger(code) ? code : null, text: text.slice(headerEnd + 1, endAt) });
    at = codeEnd === -1 ? -1 : text.indexOf(begin, codeEnd);
  }
  return pieces;
}

/** Pairs the stdout and stderr pieces of each section by position. */
export function parseSections(stdout: string, stderr: string, nonce: string): Section[] {
  const errs = new Map(splitSections(stderr, nonce).map((p) => [p.index, p]));
  return splitSections(stdout, nonce).map((p) => ({
    index: p.index,
    label: p.label,
    // stdout's end marker is printed first; if only stderr's made it, the section still ended.
    code: p.code ?? errs.get(p.index)?.code ?? null,
    stdout: p.text,
    stderr: errs.get(p.index)?.text ?? "",
  }));
}
