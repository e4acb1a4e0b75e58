import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { commandInputs, commandLine } from "@/lib/libvirt/deadman-argv";
import { disarmArgv, forgetArgv, launchArgv, parseSwitchStatus } from "@/lib/libvirt/deadman";

// The dead-man switch's "argv" runner: a guarded change as commands (ovs-vsctl,
// ip), every word single-quoted. The script text is checked on hostile names,
// and then the real switch script runs here (sh, setsid, no lab) on commands
// that create files named by those hostile words: each must arrive as exactly
// one word, and nothing else may run.
const exec = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), "sy-deadman-argv-"));
const CANARY = path.join(dir, "PWNED");
const HOSTILE = [`$(touch ${CANARY})`, `\`touch ${CANARY}\``, `a'; touch ${CANARY}; '`, `x" && touch ${CANARY} #`, `a\\'; touch ${CANARY}; #`, "two  words", "--help", "*", "~root", "$HOME", "-e 'x'", "ovsbr0;reboot", "|| true &"];
const run = async (argv: string[]) => parseSwitchStatus((await exec(argv[0]!, argv.slice(1), { env: { ...process.env, XDG_RUNTIME_DIR: dir } })).stdout);
const ids: string[] = [];
const newId = () => {
  const id = Math.random().toString(16).slice(2).padEnd(16, "0").slice(0, 16);
  ids.push(id);
  return id;
};
afterAll(async () => {
  for (const id of ids) await exec(forgetArgv(id)[0]!, forgetArgv(id).slice(1), { env: { ...process.env, XDG_RUNTIME_DIR: dir } }).catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

describe("the argv runner's script text", () => {
  it("single-quotes every word, so a hostile name stays one word", () => {
    expect(commandLine(["ovs-vsctl", "--timeout=20", "add-port", "ovsbr0", "a'; reboot; '"])).toBe(`'ovs-vsctl' '--timeout=20' 'add-port' 'ovsbr0' 'a'\\''; reboot; '\\'''`);
    expect(commandLine(["echo", "$(id)", "`id`", "$HOME"])).toBe(`'echo' '$(id)' '\`id\`' '$HOME'`);
  });
  it("refuses a word with a line break (lines are the switch's unit) and a NUL", () => {
    expect(() => commandLine(["ovs-vsctl", "del-br", "x\nreboot"])).toThrow(/line break/);
    expect(() => commandLine(["ovs-vsctl", "del-br", "x\rreboot"])).toThrow(/line break/);
    expect(() => commandLine(["ovs-vsctl", "del-br", "x\0"])).toThrow(/NUL/);
  });
  it("pairs the lines as the ip -batch inputs do: line i undone by line n+1-i, comments where nothing runs", () => {
    const { doInput, undoInput } = commandInputs([
      { what: "first", argv: ["a"], undo: ["undo-a"] },
      { what: "read\nonly", argv: ["b"], undo: null },
      { what: "restore only", argv: null, undo: ["undo-c"] },
    ]);
    expect(doInput.split("\n")).toEqual(["'a'", "'b'", "# restore only"]);
    expect(undoInput.split("\n")).toEqual(["'undo-c'", "# nothing to undo for: read only", "'undo-a'"]);
  });
  it("passes the runner as an argument of the fixed script, and refuses any other", () => {
    const argv = launchArgv("0123456789abcdef", 30, "'true'", "'true'", "argv");
    expect(argv.slice(0, 2)).toEqual(["sh", "-c"]);
    expect(argv.at(-1)).toBe("argv");
    expect(() => launchArgv("0123456789abcdef", 30, "", "", "sh" as "argv")).toThrow(/runner/);
  });
});

describe("the real switch script on hostile words", () => {
  const file = (name: string) => path.join(dir, name);
  const touch = (name: string) => ["touch", "--", file(name)];
  const rm = (name: string) => ["rm", "-f", "--", file(name)];

  it("runs each command with exactly its words, and a disarm keeps the change", async () => {
    const id = newId();
    // A fixed recorder: it writes each argument it got on a line of its own.
    const record = (name: string, words: string[]) => ["sh", "-c", 'out=$1; shift; printf "%s\\n" "$@" > "$out"', "sy-record", file(name), ...words];
    const { doInput, undoInput } = commandInputs([
      { what: "record", argv: record("args", HOSTILE), undo: rm("args") },
      ...HOSTILE.filter((h) => !h.includes("/")).map((h, i) => ({ what: `file ${i}`, argv: touch(`f${i}-${h}`), undo: rm(`f${i}-${h}`) })),
    ]);
    const launched = await run(launchArgv(id, 10, doInput, undoInput, "argv"));
    expect(launched.state).toBe("changed");
    expect(readFileSync(file("args"), "utf8").split("\n").slice(0, -1)).toEqual(HOSTILE);
    expect(readdirSync(dir).filter((f) => f.startsWith("f")).sort()).toEqual(HOSTILE.filter((h) => !h.includes("/")).map((h, i) => `f${i}-${h}`).sort());
    expect(existsSync(CANARY)).toBe(false);
    const disarmed = await run(disarmArgv(id));
    expect(disarmed.state).toBe("disarmed");
    expect(disarmed.alivePid).toBeUndefined();
    expect(existsSync(file("args"))).toBe(true);
  }, 20_000);

  it("undoes at once, last first, exactly the lines that ran when a command fails half-way", async () => {
    const id = newId();
    const { doInput, undoInput } = commandInputs([
      { what: "one", argv: touch("g1 `touch PWNED`"), undo: rm("g1 `touch PWNED`") },
      { what: "two", argv: touch("g2"), undo: rm("g2") },
      { what: "fails", argv: ["sh", "-c", "echo 'no such bridge' >&2; exit 3"], undo: touch("never-undone") },
      { what: "never runs", argv: touch("g4"), undo: rm("g4") },
    ]);
    const status = await run(launchArgv(id, 10, doInput, undoInput, "argv"));
    expect(status.state).toBe("failed");
    expect(status.failedLine).toBe(3);
    expect(status.doError).toBe("no such bridge");
    expect(status.undoExit).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith("g") || f === "never-undone" || f === "PWNED")).toEqual([]);
  }, 20_000);
});
