import { spawn, type ChildProcess } from "node:child_process";
import { hostNamespaces } from "@/lab";

// The lab's sshd listens on the uplink address only. Most hosts' sshd listens on every
// address; this relay stands in for that: a TCP relay inside the host's namespace,
// bound to its LAN address, to its sshd. A connection to the LAN address then travels
// over lan0 (or the bridge that replaces it), which is what the tests exercise; the
// key exchange and login are sshd's own, end to end.

const RELAY = `
const net = require("node:net");
const [listenHost, targetHost] = process.argv.slice(1);
const server = net.createServer((client) => {
  const upstream = net.connect(22, targetHost);
  client.pipe(upstream).pipe(client);
  client.on("error", () => upstream.destroy());
  upstream.on("error", () => client.destroy());
});
server.listen(22, listenHost, () => console.log("listening"));
`;

export async function startSshRelay(host: string, lanAddress: string, uplinkAddress: string): Promise<{ stop(): void }> {
  const child: ChildProcess = spawn("ip", ["netns", "exec", hostNamespaces(host).netns, process.execPath, "-e", RELAY, lanAddress, uplinkAddress], { stdio: ["ignore", "pipe", "pipe"] });
  await new Promise<void>((resolve, reject) => {
    let err = "";
    child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
    child.stdout!.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`ssh relay exited (${code}): ${err}`)));
  });
  return { stop: () => child.kill("SIGTERM") };
}
