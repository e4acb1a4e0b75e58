// Host fields end up in SSH connections and in audit lines, and names end up in
// URLs. Everything is validated by shape anyway, but the common hostile inputs
// get their own message, so an operator sees *why* a value was refused rather
// than a generic "invalid characters".

const CONTROL = /[\u0000-\u001f\u007f]/;
const SHELL_SUBSTITUTION = /\$\(|`|\$\{/;

/** The first reason `value` cannot be a one-line host field, or null. */
export function hostileTextProblem(value: string, label: string, maxLength: number): string | null {
  if (value.length === 0) return `Enter the ${label.toLowerCase()}.`;
  if (/[\r\n]/.test(value)) return `${label} must be a single line.`;
  if (CONTROL.test(value)) return `${label} cannot contain control characters.`;
  if (value.length > maxLength) return `${label} can be at most ${maxLength} characters (this one has ${value.length}).`;
  // ssh and most tools read a leading '-' as an option (e.g. -oProxyCommand=…).
  if (value.startsWith("-")) return `${label} cannot start with "-": ssh would read it as an option.`;
  if (value.includes(";")) return `${label} cannot contain ";".`;
  if (SHELL_SUBSTITUTION.test(value)) return `${label} cannot contain shell substitutions such as "$(", "\${" or backquotes.`;
  if (/\s/.test(value)) return `${label} cannot contain spaces.`;
  return null;
}
