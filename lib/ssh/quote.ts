import "server-only";

// The one place where argv becomes a shell command line. sshd hands the exec
// string to the user's login shell (`$SHELL -c …`), so every element must reach
// the remote program as exactly one argument, byte for byte. POSIX single quotes
// are the only quoting with no special characters inside them; a single quote
// itself is written as '\'' (close, escaped quote, reopen).

/** Quotes one argument POSIX-style: always single-quoted, `'` becomes `'\''`. */
export function quoteArg(arg: string): string {
  if (typeof arg !== "string") throw new TypeError("argv elements must be strings");
  // A NUL cannot travel in an execve argument; refusing it beats silent truncation.
  if (arg.includes("\0")) throw new TypeError("argv elements cannot contain NUL bytes");
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** Quotes every element and joins them with spaces. */
export function quoteArgv(argv: readonly string[]): string {
  if (!Array.isArray(argv) || argv.length === 0) throw new TypeError("argv must be a non-empty array");
  return argv.map(quoteArg).join(" ");
}
