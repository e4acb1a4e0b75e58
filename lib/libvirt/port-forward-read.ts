import "server-only";
import { LIBVIRT_URI } from "./uri";
import { createHash, randomBytes } from "node:crypto";
import { runCommand, type SshTarget } from "@/lib/ssh";
import { parseListening, type ListeningSocket } from "@/lib/domain/network/port-forward-schema";
import { buildHookScript, CHAINED_HOOK_PATH, HOOK_MARKER, HOOK_PATH } from "./port-forward-hook";

// What the Port forwarding tab and its plans need beyond the host snapshot,
// in one exec: the network's persistent XML (where the rules live: on libvirt
// 9.0 a running network's live XML keeps the metadata it started with), the
// host's IPv4 addresses, the sockets the host listens on (`ss -ltnu`), and
// the state of the hook (absent, ours and current, ours but older, someone
// else's). Sections are split by a random marker, so no XML can forge one.

export type HookState = "absent" | "current" | "outdated" | "foreign";

export type ForwardFacts = {
  inactiveXml: string;
  hostAddresses: string[];
  listening: ListeningSocket[];
  hook: HookState;
  /** A previous non-Switchyard hook is already kept beside ours. */
  chained: boolean;
  /** The user the console logs in as; installing the hook and iptables need root. */
  root: boolean;
  /** The hook file as it is now (for the undo of an upgrade), when it is ours. */
  hookText: string;
};

const SCRIPT = `n=$1
virsh -c ${LIBVIRT_URI} net-dumpxml --inactive -- "$2" 2>&1
printf '\\n%s|addr\\n' "$n"; ip -4 -o addr show 2>&1
printf '\\n%s|ss\\n' "$n"; ss -Hltnu 2>&1
printf '\\n%s|id\\n' "$n"; id -u
printf '\\n%s|chained\\n' "$n"; [ -e "$4" ] && echo yes
printf '\\n%s|hook\\n' "$n"; [ -f "$3" ] && cat -- "$3"
exit 0`;

export const hookSha = (text: string) => createHash("sha256").update(text).digest("hex");

/** "2: eth0    inet 198.18.0.2/30 brd …" → 198.18.0.2 (loopback left out: a forward on 127.0.0.1 cannot reach a guest). */
export function addressesFromIpOneline(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^\d+:\s+(\S+)\s+inet\s+(\d+\.\d+\.\d+\.\d+)\//gm)) if (m[1] !== "lo") out.push(m[2]!);
  return out;
}

export async function readForwardFacts(target: SshTarget, uuid: string): Promise<ForwardFacts> {
  const nonce = randomBytes(12).toString("hex");
  const result = await runCommand(target, ["sh", "-c", SCRIPT, "sh", nonce, uuid, HOOK_PATH, CHAINED_HOOK_PATH]);
  const parts = result.stdout.split(new RegExp(`\\n${nonce}\\|(\\w+)\\n`));
  const section = (name: string) => {
    const i = parts.indexOf(name);
    return i > 0 ? (parts[i + 1] ?? "") : "";
  };
  const inactiveXml = parts[0] ?? "";
  const hookText = section("hook");
  const hook: HookState = hookText === "" ? "absent" : !hookText.includes(HOOK_MARKER) ? "foreign" : hookText === buildHookScript() ? "current" : "outdated";
  return {
    inactiveXml,
    hostAddresses: addressesFromIpOneline(section("addr")),
    listening: parseListening(section("ss")),
    hook,
    chained: section("chained").trim() === "yes",
    root: section("id").trim() === "0",
    hookText: hook === "foreign" ? "" : hookText,
  };
}
