import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quoteArg, quoteArgv } from "@/lib/ssh/quote";

// What sshd does with our command: hands the whole string to the login shell's
// `-c`. Running the same string through real shells here proves each element
// arrives as exactly one argument, byte for byte.
function throughShell(shell: string, argv: string[]): string[] {
  const command = `printf '%s\\0' ${quoteArgv(argv)}`;
  const out = execFileSync(shell, ["-c", command], { maxBuffer: 1 << 24 });
  const parts = out.toString("utf8").split("\0");
  parts.pop(); // after the last NUL
  return parts;
}

const HOSTILE = [
  "a;touch /tmp/sy-pwn-unit",
  "$(id)",
  "`id`",
  "a'b",
  "''",
  "'",
  "x${IFS}y",
  "--help",
  "-n",
  "\n",
  "line1\nline2\n",
  "tab\there",
  "back\\slash\\",
  "\"double\"",
  "*",
  "~root",
  "!!",
  "#comment",
  "a b  c",
  "",
  "ünïcødé ✓ 日本語 🚀",
  "\u0001\u007f\u00ff",
];

describe("quoteArg", () => {
  it("single-quotes and escapes a single quote as '\\''", () => {
    expect(quoteArg("plain")).toBe("'plain'");
    expect(quoteArg("a'b")).toBe(`'a'\\''b'`);
    expect(quoteArg("")).toBe("''");
  });

  it("refuses NUL bytes (they cannot be passed to execve)", () => {
    expect(() => quoteArg("a\0b")).toThrow(TypeError);
  });

  it("refuses an empty argv", () => {
    expect(() => quoteArgv([])).toThrow(TypeError);
  });

  for (const shell of ["/bin/sh", "/bin/bash", "/bin/dash"]) {
    it(`round-trips hostile strings through ${shell} -c`, () => {
      expect(throughShell(shell, HOSTILE)).toEqual(HOSTILE);
      expect(throughShell(shell, ["x".repeat(100_000)])).toEqual(["x".repeat(100_000)]);
    });
  }

  it("round-trips arbitrary strings through sh -c (property)", { timeout: 60_000 }, () => {
    const word = fc.string({ unit: "binary", maxLength: 40 }).filter((s) => !s.includes("\0"));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (argv) => {
        expect(throughShell("/bin/sh", argv)).toEqual(argv);
      }),
      { numRuns: 80 },
    );
  });
});
