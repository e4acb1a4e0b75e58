import { statSync, type Stats } from "node:fs";

// Checked at every start, before anything is read: the key file seals every
// SSH credential, and the data directory holds the store and that key. A key
// other users can read hands them every host's credentials; a directory others
// can write lets them swap the key or the database. Each problem is one line
// that says how to fix it.

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

const octal = (mode: number) => (mode & 0o777).toString(8).padStart(4, "0");

export type PermissionInputs = {
  dataDir: string;
  keyFile: string;
  /** When the key comes from SWITCHYARD_SECRET_KEY, the file is not used and not checked. */
  keyFromEnv: boolean;
};

/** The lines to print (empty when all is well). Missing paths are fine: they are created 0700/0600. */
export function permissionProblems({ dataDir, keyFile, keyFromEnv }: PermissionInputs): string[] {
  const problems: string[] = [];
  const dir = statOrNull(dataDir);
  if (dir && (dir.mode & 0o022) !== 0) {
    problems.push(`Switchyard will not start: the data directory ${dataDir} is writable by other users (mode ${octal(dir.mode)}); fix it with: chmod go-w '${dataDir}'`);
  }
  const key = keyFromEnv ? null : statOrNull(keyFile);
  if (key && (key.mode & 0o077) !== 0) {
    problems.push(`Switchyard will not start: the secret key file ${keyFile} can be read by other users (mode ${octal(key.mode)}); fix it with: chmod 600 '${keyFile}'`);
  }
  return problems;
}

/**
 * For the server's start (instrumentation.ts): prints each problem on stderr and
 * exits with status 1. Here rather than in instrumentation.ts, which is also
 * compiled for the Edge runtime where process.exit does not exist.
 */
export function exitOnUnsafePermissions(inputs: PermissionInputs): void {
  const problems = permissionProblems(inputs);
  if (problems.length === 0) return;
  for (const line of problems) console.error(line);
  process.exit(1);
}
