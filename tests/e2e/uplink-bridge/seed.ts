// Registers hv-a twice in the data directory SWITCHYARD_DATA_DIR: "hv-a-lan" by its LAN
// address (Switchyard then reaches it through lan0, the NIC the tests bridge) and
// "hv-a-up" by its uplink address (the path `lab fault hv-a cut-uplink` cuts). Both pinned
// to the lab's host key. Run with tsx; it re-runs itself under the react-server condition.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

async function seed() {
  const { labHost, labRoot } = await import("../../../lab");
  const { registerKnownHost } = await import("../../../lib/hosts/register");
  const { closeDb } = await import("../../../lib/db/client");
  const lab = labHost("hv-a");
  const privateKey = readFileSync(path.join(labRoot(), lab.privateKeyPath), "utf8");
  const hostKey = { keyType: "ssh-ed25519", fingerprint: lab.hostKeyFingerprint! };
  for (const [name, address] of [["hv-a-lan", lab.lan!.address], ["hv-a-up", lab.address]] as const) {
    await registerKnownHost("uplink-bridge-test", { name, address, port: lab.port, username: lab.user, auth: { kind: "key", privateKey }, hostKey });
  }
  await closeDb();
}

if (process.env.SWITCHYARD_SEED_CHILD === "1") {
  seed().then(() => process.exit(0), (error: unknown) => {
    console.error("uplink-bridge seed failed:", error);
    process.exit(1);
  });
} else {
  const child = spawn(process.execPath, [...process.execArgv, "--conditions=react-server", __filename], { stdio: "inherit", env: { ...process.env, SWITCHYARD_SEED_CHILD: "1" } });
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
