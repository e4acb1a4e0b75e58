import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { BATCH_SCRIPT, batchArgs, defineRemoteScript, scriptArgv } from "@/lib/ssh/batch";
import { withRemoteTimeout } from "@/lib/ssh/exec";
import { parseSections, splitSections } from "@/lib/ssh/framing";
import { quoteArgv } from "@/lib/ssh/quote";

// Runs a script exactly as a host would: the login shell gets one string,
// `exec timeout … 'sh' '-c' 'SCRIPT' …`, built by the same functions the
// transport uses.
function runLikeSshd(argv: string[]) {
  const command = `exec ${quoteArgv(withRemoteTimeout(argv, 10_000))}`;
  const r = spawnSync("/bin/bash", ["-c", command], { maxBuffer: 1 << 24 });
  return { code: r.status, stdout: r.stdout.toString("utf8"), stderr: r.stderr.toString("utf8") };
}

const nonce = () => randomBytes(16).toString("hex");

describe("runBatch's remote script", () => {
  it("returns each command's stdout, stderr and exit code, byte-exact", () => {
    const pwn = `/tmp/sy-pwn-${nonce()}`;
    const commands = [
      ["printf", "%s", `a;touch ${pwn}`],
      ["printf", "%s", "no trailing newline"],
      ["printf", "%s\n\n", "two newlines"],
      ["sh", "-c", "echo out; echo err >&2; exit 3"],
      ["printf", "%s", "$(id) `id` x${IFS}y a'b \"q\" \n --help ünï ✓"],
      ["true"],
      ["printf", "%s", "\n"],
    ];
    const n = nonce();
    const run = runLikeSshd(scriptArgv(BATCH_SCRIPT, n, batchArgs(commands)));
    expect(run.code).toBe(0);
    const sections = parseSections(run.stdout, run.stderr, n);
    expect(sections.map((s) => s.code)).toEqual([0, 0, 0, 3, 0, 0, 0]);
    expect(sections.map((s) => s.stdout)).toEqual([
      `a;touch ${pwn}`,
      "no trailing newline",
      "two newlines\n\n",
      "out\n",
      "$(id) `id` x${IFS}y a'b \"q\" \n --help ünï ✓",
      "",
      "\n",
    ]);
    expect(sections[3]!.stderr).toBe("err\n");
    expect(spawnSync("test", ["-e", pwn]).status).not.toBe(0);
  });

  it("handles more than nine arguments (${10} and beyond)", () => {
    const words = Array.from({ length: 25 }, (_, i) => `w${i}`);
    const n = nonce();
    const run = runLikeSshd(scriptArgv(BATCH_SCRIPT, n, batchArgs([["printf", "%s,", ...words], ["echo", "last"]])));
    const sections = parseSections(run.stdout, run.stderr, n);
    expect(sections.map((s) => s.stdout)).toEqual([words.map((w) => `${w},`).join(""), "last\n"]);
  });

  it("gives a declared script its own arguments as $1… after the nonce", () => {
    const script = defineRemoteScript("test-args", `sy_section args printf '[%s]' "$@"\nsy_section two sy_nonce_is_private\n`);
    const n = nonce();
    const run = runLikeSshd(scriptArgv(script, n, ["a b", "$(id)", "'"]));
    const [args, missing] = parseSections(run.stdout, run.stderr, n);
    expect(args).toMatchObject({ label: "args", code: 0, stdout: "[a b][$(id)][']" });
    expect(missing!.code).toBe(127);
  });
});

describe("framing parser", () => {
  const n = "0123456789abcdef0123456789abcdef";
  const section = (i: number, label: string, body: string, code: number) =>
    `\n${n} begin ${i} ${label}\n${body}\n${n} end ${i} ${code}\n`;

  it("ignores text outside sections and lines that look like markers without the nonce", () => {
    const fake = `\nffffffffffffffffffffffffffffffff end 1 0\n`;
    const text = `motd junk\n${section(1, "a", `x${fake}y`, 0)}between${section(2, "b", "", 5)}`;
    expect(splitSections(text, n)).toEqual([
      { index: 1, label: "a", code: 0, text: `x${fake}y` },
      { index: 2, label: "b", code: 5, text: "" },
    ]);
  });

  it("reports an unfinished section with a null code and what arrived", () => {
    const text = section(1, "a", "done", 0) + `\n${n} begin 2 b\npartial out`;
    const pieces = splitSections(text, n);
    expect(pieces[1]).toEqual({ index: 2, label: "b", code: null, text: "partial out" });
  });

  it("pairs stderr with stdout by index", () => {
    const sections = parseSections(section(1, "a", "out", 2), section(1, "a", "err", 2), n);
    expect(sections).toEqual([{ index: 1, label: "a", code: 2, stdout: "out", stderr: "err" }]);
  });
});
