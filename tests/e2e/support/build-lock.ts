import { spawn, type ChildProcess } from "node:child_process";

// Several people (and helpers) share one work tree, and `next build` rewrites
// .next in place: a second build under a running server breaks it. The lock is
// held by a tiny `flock … cat` child; it is released when we close its stdin,
// or when this process dies and the pipe closes with it.
const LOCK_FILE = "/tmp/switchyard-e2e-build.lock";

export async function acquireBuildLock(): Promise<() => void> {
  const child: ChildProcess = spawn("flock", [LOCK_FILE, "sh", "-c", "echo locked; exec cat >/dev/null"], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`flock exited early with code ${code}`)));
    child.stdout!.once("data", () => resolve());
  });
  child.removeAllListeners("exit");
  return () => child.stdin!.end();
}
