import { quoteArgv } from "@/lib/ssh/quote";

// A guarded change as a sequence of commands (ovs-vsctl, ip, …) for the
// dead-man switch's "argv" runner. Each command becomes one line of shell in
// which every word is single-quoted by lib/ssh's quoteArg, so the switch's
// `sh` only splits the line back into exactly those words: nothing in a name
// can start a second command, expand a variable or redirect. Lines are the
// switch's unit (it runs, counts and undoes them line by line), so a word may
// not hold a line break.

/**
 * One line of the change and the line that undoes it. null on either side is a
 * "#" comment line naming `what`: nothing to run (a change whose undo needs
 * several lines pairs the extra ones with such lines).
 */
export type GuardedCommand = { argv: readonly string[] | null; undo: readonly string[] | null; what: string };

const comment = (what: string) => `# ${what.replace(/[\n\r]/g, " ")}`;

export function commandLine(argv: readonly string[]): string {
  for (const word of argv) {
    if (typeof word !== "string" || /[\n\r]/.test(word)) throw new TypeError(`a guarded command's word cannot hold a line break: ${JSON.stringify(word)}`);
  }
  return quoteArgv(argv);
}

/**
 * The switch's two inputs, paired line for line as the ip -batch ones are:
 * line i of doInput is undone by line n+1-i of undoInput (a "#" comment when
 * nothing needs undoing), so a failure at line f undoes exactly the f-1 lines
 * that ran, and the switch firing undoes all of them, last first.
 */
export function commandInputs(commands: readonly GuardedCommand[]): { doInput: string; undoInput: string } {
  if (commands.length === 0) throw new TypeError("a guarded change needs at least one command");
  const doLines = commands.map((c) => (c.argv ? commandLine(c.argv) : comment(c.what)));
  const undoLines = commands.map((c) => (c.undo ? commandLine(c.undo) : comment(`nothing to undo for: ${c.what}`))).reverse();
  return { doInput: doLines.join("\n"), undoInput: undoLines.join("\n") };
}
