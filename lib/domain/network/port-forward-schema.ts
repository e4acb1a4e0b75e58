// The "Add a port forward" form: its fields as the browser sends them, checked
// on their own (zod), then against the host (the network's subnet, the other
// rules of every network on the host, the ports the host itself listens on).
// Every message lands on the field that caused it.
import { z } from "zod";
import { contains, isIPv4, networkAddress, broadcastAddress, parseCidr, sameAddress } from "../net/ip";
import { isXmlSafe } from "../net/names";
import { describeRule, parsePorts, PORT_PROTOCOLS, rangeLength, rulesClash, type PortForwardRule, type PortProtocol, type PortRange } from "./port-forward";

const PORTS_MESSAGE = "A port (1–65535) or a range such as 8080-8090.";

const portsField = z.string().trim().refine((v) => parsePorts(v) !== null, PORTS_MESSAGE);

export const portForwardFormSchema = z
  .object({
    protocol: z.enum(PORT_PROTOCOLS, { error: "Choose TCP or UDP." }),
    /** "" means every address of the host. */
    hostAddress: z.string().trim().refine((v) => v === "" || isIPv4(v), "Choose one of the host's IPv4 addresses, or any."),
    hostPort: portsField,
    guestAddress: z.string().trim().refine(isIPv4, "An IPv4 address in the network's subnet."),
    guestPort: portsField,
    comment: z.string().trim().max(120, "At most 120 characters.").refine(isXmlSafe, "Control characters cannot be stored.").optional(),
  })
  .superRefine((form, ctx) => {
    const host = parsePorts(form.hostPort);
    const guest = parsePorts(form.guestPort);
    if (host && guest && rangeLength(host) !== rangeLength(guest)) {
      ctx.addIssue({ code: "custom", path: ["guestPort"], message: `The guest range must hold as many ports as the host range (${rangeLength(host)}).` });
    }
  });

export type PortForwardForm = z.input<typeof portForwardFormSchema>;

export function ruleFromForm(form: z.output<typeof portForwardFormSchema>): PortForwardRule {
  const comment = form.comment ?? "";
  return {
    protocol: form.protocol,
    ...(form.hostAddress === "" ? {} : { hostAddress: form.hostAddress }),
    hostPorts: parsePorts(form.hostPort)!,
    guestAddress: form.guestAddress,
    guestPorts: parsePorts(form.guestPort)!,
    ...(comment === "" ? {} : { comment }),
  };
}

/** A socket the host listens on, from `ss -Hltnu` (address "*" for every address). */
export type ListeningSocket = { protocol: PortProtocol; address: string; port: number };

/** Parses `ss -Hltnu` lines: "tcp LISTEN 0 128 198.18.0.2:22 0.0.0.0:*". */
export function parseListening(text: string): ListeningSocket[] {
  const out: ListeningSocket[] = [];
  for (const line of text.split("\n")) {
    const cols = line.trim().split(/\s+/);
    const protocol = cols[0];
    const local = cols[4];
    if ((protocol !== "tcp" && protocol !== "udp") || !local) continue;
    const m = /^(.*):(\d+)$/.exec(local);
    if (!m) continue;
    // "0.0.0.0%virbr0", "[::]", "*": the interface scope does not narrow which host address answers here.
    const raw = m[1]!.replace(/%.*$/, "").replace(/^\[|\]$/g, "");
    const address = raw === "*" || raw === "0.0.0.0" || raw === "::" ? "*" : raw;
    out.push({ protocol, address, port: Number(m[2]) });
  }
  return out;
}

export type PortForwardContext = {
  /** The network's IPv4 address and prefix ("192.168.122.1/24"). */
  networkCidr: string | null;
  /** The host's own IPv4 addresses (what "host address" may be). */
  hostAddresses: string[];
  /** Rules already on this network, and on the host's other networks (named for the message). */
  existing: { network: string; rule: PortForwardRule }[];
  listening: ListeningSocket[];
};

const inRange = (port: number, r: PortRange) => port >= r.start && port <= r.end;

/** Field errors of a rule checked against the host; empty when it may be added. */
export function portForwardIssues(rule: PortForwardRule, ctx: PortForwardContext): Record<string, string> {
  const errors: Record<string, string> = {};
  if (rule.hostAddress !== undefined && !ctx.hostAddresses.some((a) => sameAddress(a, rule.hostAddress!))) {
    errors.hostAddress = `${rule.hostAddress} is not one of this host's addresses (${ctx.hostAddresses.join(", ") || "none read"}).`;
  }
  const cidr = ctx.networkCidr ? parseCidr(ctx.networkCidr) : null;
  if (!cidr) errors.guestAddress = "This network has no IPv4 subnet to forward into.";
  else if (!contains(cidr, rule.guestAddress)) errors.guestAddress = `${rule.guestAddress} is outside the network's subnet ${networkAddress(cidr)}/${cidr.prefix}.`;
  else if ([networkAddress(cidr), broadcastAddress(cidr), cidr.address].some((a) => sameAddress(a, rule.guestAddress))) {
    errors.guestAddress = `${rule.guestAddress} is the subnet's own address, its broadcast or the host's gateway address, not a guest.`;
  }
  const clash = ctx.existing.find((e) => rulesClash(e.rule, rule));
  if (clash) errors.hostPort = `Clashes with the forward ${describeRule(clash.rule)} on network ${clash.network}.`;
  else {
    const busy = ctx.listening.find(
      (s) => s.protocol === rule.protocol && inRange(s.port, rule.hostPorts) && (s.address === "*" || rule.hostAddress === undefined || sameAddress(s.address, rule.hostAddress)),
    );
    if (busy) errors.hostPort = `The host itself listens on ${rule.protocol} ${busy.address === "*" ? "every address" : busy.address} port ${busy.port}; choose another port.`;
  }
  return errors;
}

