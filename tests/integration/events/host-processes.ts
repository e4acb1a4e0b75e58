import { labExec, labHost } from "@/lab/index";

// What runs on a lab host, seen with `ps` inside it. The lab shares one pid
// namespace with this machine, so processes are told apart by the owner tag
// the event script puts into its virsh processes' environment.

export type HostProcess = { pid: number; ppid: number; comm: string; args: string };

/** Processes whose command line or environment mentions `marker` (`ps e` prints the environment). */
export async function processesWith(host: string, marker: string): Promise<HostProcess[]> {
  const { stdout } = await labExec(host, ["ps", "eww", "-eo", "pid=,ppid=,comm=,args="]);
  return stdout
    .split("\n")
    .filter((line) => line.includes(marker))
    .map((line) => {
      const [pid, ppid, comm, ...rest] = line.trim().split(/\s+/);
      return { pid: Number(pid), ppid: Number(ppid), comm: comm ?? "", args: rest.join(" ") };
    })
    .filter((p) => p.comm !== "ps");
}

/**
 * The virsh event loops an owner has running on a host. `ps` in one host sees
 * every host's processes; the session's SSH_CONNECTION ("client port server
 * port") names the host a loop was started on.
 */
export async function eventLoops(host: string, owner: string): Promise<HostProcess[]> {
  const here = ` ${labHost(host).address} 22 `;
  return (await processesWith(host, `SY_EVENTS_OWNER=${owner}`)).filter((p) => p.comm === "virsh" && `${p.args} `.includes(here));
}

/** The sshd process nearest above pid: the session child that carries the stream's channel. */
export async function sshdAncestor(host: string, pid: number): Promise<number> {
  let current = pid;
  for (let depth = 0; depth < 10; depth += 1) {
    const { stdout } = await labExec(host, ["ps", "-o", "ppid=,comm=", "-p", String(current)]);
    const [ppid, comm] = stdout.trim().split(/\s+/);
    if (depth > 0 && comm === "sshd") return current;
    if (!ppid || ppid === "0" || ppid === "1") break;
    current = Number(ppid);
  }
  throw new Error(`no sshd above pid ${pid} on ${host}`);
}
