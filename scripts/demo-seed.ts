// `npm run demo` (scripts/demo.sh) runs this before the server starts, with
// SWITCHYARD_DATA_DIR set: it registers the lab's hosts so that a newcomer who
// signs in sees them at once. The up hosts are pinned to the fingerprints the
// lab wrote in .lab/hosts.json; hv-down is added too, to show a dead host.
// Idempotent: hosts already in the store are left alone.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

async function seed() {
  const { readLabHosts, labRoot } = await import("../lab");
  const { registerKnownHost } = await import("../lib/hosts/register");
  const { closeDb } = await import("../lib/db/client");
  for (const lab of readLabHosts()) {
    const privateKey = readFileSync(path.join(labRoot(), lab.privateKeyPath), "utf8");
    const added = await registerKnownHost("demo-seed", {
      name: lab.name,
      address: lab.address,
      port: lab.port,
      username: lab.user,
      auth: { kind: "key", privateKey },
      hostKey: lab.hostKeyFingerprint ? { keyType: "ssh-ed25519", fingerprint: lab.hostKeyFingerprint } : null,
    });
    console.log(`demo-seed: ${lab.name} ${added ? "registered" : "already registered"}${lab.up ? "" : " (down on purpose)"}`);
  }
  await closeDb();
}

// lib/** imports "server-only", which throws outside React's server condition:
// run this file once more under it (tsx passes the flag on to node).
if (process.env.SWITCHYARD_SEED_CHILD === "1") {
  seed().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error("demo-seed failed:", error);
      process.exit(1);
    },
  );
} else {
  const child = spawn(process.execPath, [...process.execArgv, "--conditions=react-server", __filename], {
    stdio: "inherit",
    env: { ...process.env, SWITCHYARD_SEED_CHILD: "1" },
  });
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
