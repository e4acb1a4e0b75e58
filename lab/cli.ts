// `npm run lab -- <command>`: the lab helpers from the shell.
//   probe HOST BRIDGE [--mac MAC] [--gateway IP] [PING...]
//   rekey HOST | restore-key HOST
//   fault HOST autostart on|off
//   sshd-log HOST
//   exec HOST -- ARGV...
import { fault, labExec, probe, rekey, restoreKey, sshdLogPath } from "./index";

const USAGE = `usage: npm run lab -- probe HOST BRIDGE [--mac MAC] [--gateway IP] [PING...]
       npm run lab -- rekey HOST | restore-key HOST
       npm run lab -- fault HOST autostart on|off
       npm run lab -- sshd-log HOST
       npm run lab -- exec HOST -- ARGV...`;

function need(value: string | undefined, what: string): string {
  if (!value) throw new UsageError(`missing ${what}`);
  return value;
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "probe": {
      const host = need(rest[0], "HOST");
      const bridge = need(rest[1], "BRIDGE");
      const pings: string[] = [];
      let gateway: string | undefined;
      let mac: string | undefined;
      for (let i = 2; i < rest.length; i++) {
        if (rest[i] === "--gateway") gateway = need(rest[++i], "IP after --gateway");
        else if (rest[i] === "--mac") mac = need(rest[++i], "MAC after --mac");
        else pings.push(rest[i]!);
      }
      const result = await probe(host, bridge, { gateway, mac, ping: pings });
      const { ip, mask, router } = result.lease;
      console.log(`lease ${ip}/${mask}${router ? ` router ${router}` : ""}`);
      for (const p of result.pings) console.log(`ping ${p.target} ${p.ok ? "ok" : "FAILED"}`);
      return result.pings.every((p) => p.ok) ? 0 : 1;
    }
    case "rekey":
      console.log(await rekey(need(rest[0], "HOST")));
      return 0;
    case "restore-key":
      console.log(await restoreKey(need(rest[0], "HOST")));
      return 0;
    case "fault": {
      const host = need(rest[0], "HOST");
      if (rest[1] !== "autostart") throw new UsageError("the only fault is autostart");
      if (rest[2] !== "on" && rest[2] !== "off") throw new UsageError("fault autostart takes on or off");
      await fault(host, "autostart", rest[2] === "on");
      console.log(`fault autostart ${rest[2]} on ${host}`);
      return 0;
    }
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
