import { execFileSync } from "node:child_process";
import { inject } from "vitest";
import { labExec, labHost } from "@/lab";

// The e2e server's event loops on a lab host. The event script tags its virsh
// processes with SY_EVENTS_OWNER=<host name>:<server pid>; the server's pid is
// the process listening on the test server's port. The lab shares one pid
// namespace, so `ps` inside any host sees every host's processes: the sshd
// session's SSH_CONNECTION (client, port, server address, port) says which
// host a loop belongs to.

export function serverPid(): number {
  const port = new URL(inject("baseURL")).port;
  const listen = execFileSync("ss", ["-tlnpH", `( sport = :${port} )`], { encoding: "utf8" });
  const pid = /pid=(\d+)/.exec(listen)?.[1];
  if (!pid) throw new Error(`nothing listens on port ${port}`);
  return Number(pid);
}

/** The server's virsh event loops running on `host`, seen with `ps e` inside it. */
export async function serverLoops(host: string): Promise<number> {
  const owner = new RegExp(`SY_EVENTS_OWNER=\\S*:${serverPid()}(\\s|$)`);
  const here = new RegExp(`SSH_CONNECTION=\\S+ \\d+ ${labHost(host).address.replace(/\./g, "\\.")} `);
  const { stdout } = await labExec(host, ["ps", "eww", "-eo", "comm=,args="]);
  return stdout.split("\n").filter((line) => line.startsWith("virsh ") && owner.test(line) && here.test(line)).length;
}
