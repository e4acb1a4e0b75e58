import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { labExec } from "@/lab";
import { closeAllConnections, runBatch, runCommand } from "@/lib/ssh";
import { labTarget } from "./support";

// Test 9: every argv element reaches the remote program as one argument, byte
// for byte, through sshd and the login shell; nothing in it is ever run.
afterAll(() => closeAllConnections());

const pwn = `/tmp/sy-ssh-test-pwn-${randomBytes(6).toString("hex")}`;
const HOSTILE: Array<[string, string]> = [
  ["command separator", `a;touch ${pwn}`],
  ["command substitution", "$(id)"],
  ["backticks", "`id`"],
  ["single quote", "a'b"],
  ["IFS expansion", "x${IFS}y"],
  ["option-looking", "--help"],
  ["a newline", "\n"],
  ["a long string", `${"x".repeat(100_000)}'$(id)'`],
  ["unicode", "ünïcødé ✓ 日本語 🚀 \u202e"],
  ["mixed", `'"\\$HOME *?[a] ~ & | > ${pwn} # ! \t\r`],
];

describe("hostile bytes", () => {
  it.each(HOSTILE.map(([name, value]) => ({ name, value })))("$name comes back byte-identical from printf", async ({ value }) => {
    const result = await runCommand(labTarget("hv-a", "root"), ["printf", "%s", value]);
    expect(Buffer.from(result.stdout)).toEqual(Buffer.from(value));
    expect(result.stderr).toBe("");
  });

  it("all of them at once in one batch come back identical too", async () => {
    const results = await runBatch(labTarget("hv-a", "root"), HOSTILE.filter(([n]) => n !== "a long string").map(([, v]) => ["printf", "%s", v]));
    expect(results.map((r) => r.stdout)).toEqual(HOSTILE.filter(([n]) => n !== "a long string").map(([, v]) => v));
    expect(results.every((r) => r.code === 0)).toBe(true);
  });

  it("nothing ran: no file was created on the host", async () => {
    expect((await labExec("hv-a", ["test", "-e", pwn])).code).not.toBe(0);
  });
});
