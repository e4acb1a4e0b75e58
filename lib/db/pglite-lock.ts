import "server-only";
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

// PGlite has no lock of its own, and two processes on one directory corrupt it.
// A pid file turns that silent corruption into a clear refusal at start.

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

// Directories this process holds. A pid file naming our own pid but not in this
// set was left by an earlier run that happened to have the same pid (containers).
// Kept on globalThis, as the store itself is, so every bundle's copy of this module shares it.
const slot = Symbol.for("switchyard.pglite-locks");
const heldHere: Set<string> = ((globalThis as { [slot]?: Set<string> })[slot] ??= new Set());

export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, "switchyard.pid");
  if (heldHere.has(lockFile)) throw new Error(`The data directory ${dir} is already open in this process.`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx", 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldHere.add(lockFile);
      const onExit = () => rmSync(lockFile, { force: true });
      process.once("exit", onExit);
      return () => {
        process.off("exit", onExit);
        heldHere.delete(lockFile);
        rmSync(lockFile, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const owner = Number(readFileSync(lockFile, "utf8").trim());
      if (owner !== process.pid && owner > 0 && isAlive(owner)) {
        throw new Error(
          `The data directory ${dir} is in use by another Switchyard process (pid ${owner}). ` +
            "Give each server its own SWITCHYARD_DATA_DIR, or set DATABASE_URL to share PostgreSQL.",
        );
      }
      rmSync(lockFile, { force: true }); // left behind by a process that died
    }
  }
  throw new Error(`Could not lock the data directory ${dir}`);
}
