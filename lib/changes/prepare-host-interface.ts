import "server-only";
import { fail, type ActionResult } from "@/lib/actions/result";
import type { HostSnapshot } from "@/lib/domain/host/snapshot";
import { findLink, newNameProblem } from "@/lib/domain/interfaces/names";
import { deleteRefusal, enslaveRefusal, releaseRefusal } from "@/lib/domain/interfaces/refusals";
import { describeUse, usesOf } from "@/lib/domain/interfaces/usage";
import { readHostSnapshot } from "@/lib/libvirt/host-snapshot";
import { withHost } from "@/lib/libvirt/host-read";
import { hostChangePlan, type HostChange } from "@/lib/libvirt/interfaces/host-plans";
import { storePlan } from "./plan-store";
import type { PrepareRequest } from "./request";
import type { Plan } from "@/lib/domain/plan";

// Host bridge/TAP changes: read the host once, apply the pure rules (names
// free, nobody's bridge or SSH uplink touched), and store the plan. Nothing
// runs on the host until the operator applies it.

type Checked = { problem: string; field?: string } | { notes: string[] };

function check(snapshot: HostSnapshot, sshAddress: string, c: HostChange): Checked {
  const uses = (name: string) => usesOf(snapshot, sshAddress, name);
  const missing = (name: string) => ({ problem: `There is no interface ${name} on this host (any more); refresh the page.` });
  switch (c.change) {
    case "create-bridge":
    case "create-tap": {
      const problem = newNameProblem(snapshot.links, c.name);
      return problem ? { problem, field: "name" } : { notes: [] };
    }
    case "delete-bridge":
    case "delete-tap": {
      const link = findLink(snapshot.links, c.name);
      if (!link) return missing(c.name);
      const problem = deleteRefusal(link, uses(c.name), c.change === "delete-tap" ? "tap" : "bridge");
      // The confirmed path for a bridge the session runs over: Unbridge, under the dead-man switch (prepare-unbridge.ts).
      const guarded = c.change === "delete-bridge" && uses(c.name).some((u) => u.kind === "ssh") ? ' Use "Unbridge (guarded)" to hand its addresses back to its NIC port and delete it under the dead-man switch.' : "";
      if (problem) return { problem: problem + guarded };
      const ports = snapshot.links.filter((l) => l.master === c.name).map((l) => l.ifname);
      const idle = uses(c.name).map(describeUse);
      return { notes: [...(ports.length ? [`Its ports are released: ${ports.join(", ")}.`] : []), ...(idle.length ? [`Also referred to by ${idle.join(", ")}.`] : [])] };
    }
    case "add-port":
    case "remove-port": {
      const port = findLink(snapshot.links, c.port);
      if (!port) return missing(c.port);
      const problem = c.change === "add-port" ? enslaveRefusal(port, uses(c.port), findLink(snapshot.links, c.bridge)) : releaseRefusal(port, uses(c.port));
      if (problem) return { problem };
      const moving = c.change === "add-port" && port.master ? [`${c.port} leaves bridge ${port.master}.`] : [];
      return { notes: moving };
    }
  }
}

export async function prepareHostInterfaceChange({ operator, host: hostName, input: change }: PrepareRequest<HostChange>): Promise<ActionResult<Plan>> {
  const read = await withHost(hostName, async (host, target) => ({ host, address: target.address, snapshot: await readHostSnapshot(target) }));
  if (!read.ok) return read;
  const { host, address, snapshot } = read.data;
  // remove-port names the bridge as the host has it now, not as the browser said.
  const resolved: HostChange = change.change === "remove-port" ? { ...change, bridge: findLink(snapshot.links, change.port)?.master ?? change.bridge } : change;
  const checked = check(snapshot, address, resolved);
  if ("problem" in checked) return fail(checked.field ? "invalid" : "refused", checked.problem, checked.field ? { [checked.field]: checked.problem } : undefined);
  return storePlan(hostChangePlan(host, resolved, checked.notes), operator.id);
}
