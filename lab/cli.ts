// `npm run lab -- <command>`: the lab helpers from the shell.
//   probe HOST BRIDGE [--mac MAC] [--gateway IP] [--vlan-port PORTGROUP|TAG] [--static CIDR] [PING...]
//   probe lan [--mac MAC] [--static CIDR] [PING...]
//   listen HOST NET PORT [--static CIDR] [--seconds N]
//   rekey HOST | restore-key HOST
//   fault HOST autostart on|off | fault HOST cut-uplink SECONDS
//   sshd-log HOST
//   exec HOST -- ARGV...
import { fault, labExec, LAN, listen, probe, rekey, restoreKey, sshdLogPath, type ProbeOptions } from "./index";

const USAGE = `usage: npm run lab -- probe HOST BRIDGE [--mac MAC] [--gateway IP] [--vlan-port PORTGROUP|TAG] [--static CIDR] [PING...]
       npm run lab -- probe lan [--mac MAC] [--gateway IP] [--static CIDR] [PING...]
       npm run lab -- listen HOST NET PORT [--static CIDR] [--seconds N]   (HOST lan: NET is ignored)
       npm run lab -- rekey HOST | restore-key HOST
       npm run lab -- fault HOST autostart on|off
       npm run lab -- fault HOST cut-uplink SECONDS   (0: put it back now)
       npm run lab -- sshd-log HOST
       npm run lab -- exec HOST -- ARGV...`;

function need(value: string | undefined, what: string): string {
  if (!value) throw new UsageError(`missing ${what}`);
  return value;
}

function wholeNumber(value: string | undefined, what: string): number {
  if (!value || !/^\d+$/.test(value)) throw new UsageError(`${what} must be a whole number`);
  return Number(value);
}

class UsageError extends Error {}

async function probeCommand(rest: string[]): Promise<number> {
  const host = need(rest[0], "HOST");
  // `probe lan` plugs into the LAN itself: no BRIDGE.
  const bridge = host === LAN ? "" : need(rest[1], "BRIDGE");
  const opts: ProbeOptions = { ping: [] };
  for (let i = host === LAN ? 1 : 2; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === "--gateway") opts.gateway = need(rest[++i], "IP after --gateway");
    else if (arg === "--mac") opts.mac = need(rest[++i], "MAC after --mac");
    else if (arg === "--vlan-port") opts.vlanPort = need(rest[++i], "PORTGROUP or TAG after --vlan-port");
    else if (arg === "--static") opts.static = need(rest[++i], "CIDR after --static");
    else if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg}`);
    else opts.ping!.push(arg);
  }
  const result = await probe(host, bridge, opts);
  const { ip, mask, router } = result.lease;
  console.log(`${opts.static ? "static" : "lease"} ${ip}/${mask}${router ? ` router ${router}` : ""}`);
  for (const p of result.pings) console.log(`ping ${p.target} ${p.ok ? "ok" : "FAILED"}`);
  return result.pings.every((p) => p.ok) ? 0 : 1;
}

async function listenCommand(rest: string[]): Promise<number> {
  const host = need(rest[0], "HOST");
  const net = need(rest[1], "NET");
  const port = wholeNumber(rest[2], "PORT");
  let staticCidr: string | undefined;
  let seconds: number | undefined;
  for (let i = 3; i < rest.length; i++) {
    if (rest[i] === "--static") staticCidr = need(rest[++i], "CIDR after --static");
    else if (rest[i] === "--seconds") seconds = wholeNumber(rest[++i], "--seconds");
    else throw new UsageError(`unknown option ${rest[i]}`);
  }
  const listener = await listen(host, net, port, { static: staticCidr });
  console.log(`listening ${listener.ip}:${listener.port} answering "${listener.answer}"`);
  // Runs until Ctrl-C (or --seconds), then removes the guest.
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
    if (seconds !== undefined) setTimeout(resolve, seconds * 1000);
  });
  await listener.remove();
  return 0;
}

async function faultCommand(rest: string[]): Promise<number> {
  const host = need(rest[0], "HOST");
  if (rest[1] === "autostart") {
    if (rest[2] !== "on" && rest[2] !== "off") throw new UsageError("fault autostart takes on or off");
    await fault(host, "autostart", rest[2] === "on");
    console.log(`fault autostart ${rest[2]} on ${host}`);
    return 0;
  }
  if (rest[1] === "cut-uplink") {
    const seconds = wholeNumber(rest[2], "cut-uplink SECONDS");
    await fault(host, "cut-uplink", seconds);
    console.log(seconds ? `uplink of ${host} cut for ${seconds} s` : `uplink of ${host} restored`);
    return 0;
  }
  throw new UsageError("the faults are autostart and cut-uplink");
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "probe":
      return probeCommand(rest);
    case "listen":
      return listenCommand(rest);
    case "rekey":
      console.log(await rekey(need(rest[0], "HOST")));
      return 0;
    case "restore-key":
      console.log(await restoreKey(need(rest[0], "HOST")));
      return 0;
    case "fault":
      return faultCommand(rest);
    case "sshd-log":
      console.log(sshdLogPath(need(rest[0], "HOST")));
      return 0;
    case "exec": {
      const host = need(rest[0], "HOST");
      const argv2 = rest[1] === "--" ? rest.slice(2) : rest.slice(1);
      if (argv2.length === 0) throw new UsageError("exec needs a command after --");
      const res = await labExec(host, argv2, { timeoutMs: 10 * 60_000 });
      process.stdout.write(res.stdout);
      process.stderr.write(res.stderr);
      return res.code;
    }
    default:
      throw new UsageError(command ? `unknown command ${command}` : "no command");
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) console.error(`lab: ${err.message}\n${USAGE}`);
    else console.error(err instanceof Error ? err.message : String(err));
    process.exit(2);
  },
);
