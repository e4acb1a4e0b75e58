// argv as one line an operator can paste into a shell: plain words stay
// plain, anything else is single-quoted the POSIX way (the transport quotes
// every word the same way when it runs them).
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

const shellWord = (word: string) => (PLAIN.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`);

export function shellLine(argv: readonly string[], stdinNote?: string): string {
  const line = argv.map(shellWord).join(" ");
  return stdinNote ? `${line} < ${stdinNote}` : line;
}
