import "server-only";
import { fail, type ActionResult } from "@/lib/actions/result";
import type { Plan } from "@/lib/domain/plan";
import { routeKey } from "@/lib/domain/interfaces/route-key";
import { removalInputs, removalSteps, removeRoute, sessionRouteProblem } from "@/lib/libvirt/remove-address-plan";
import { guardedDraft, projectNetState } from "./guarded-draft";
import { storePlan } from "./plan-store";
import { confirmProblem, readUplinkFacts } from "./prepare-remove-address";
import type { PrepareRequest } from "./request";

// Removing a main-table route (Interfaces page). The route the host answers
// Switchyard through, or a default route on the NIC the session uses, is
// refused unless the operator confirms the switch-guarded path; then the undo
// re-adds it exactly as read. Any other route goes as an ordinary plan.

export type RemoveRouteInput = { route: string; guarded: boolean; seconds: number };

export async function prepareRemoveRoute({ operator, host: hostName, input }: PrepareRequest<RemoveRouteInput>): Promise<ActionResult<Plan>> {
  const read = await readUplinkFacts(hostName);
  if (!read.ok) return read;
  const { host, target, all, client, carriers } = read.data;
  const matches = all.routes.filter((r) => routeKey(r) === input.route);
  if (matches.length !== 1) {
    const problem = matches.length ? `More than one route reads "${input.route}"; remove it by hand.` : `There is no main-table route "${input.route}" on this host (any more); refresh the page.`;
    return fail("invalid", problem, { route: problem });
  }
  const route = matches[0]!;
  const before = projectNetState(all, [route.dev]);
  const removal = removeRoute(route, before);
  const why = sessionRouteProblem([route], all.routes, client, carriers);
  const what = `route ${input.route}`;
  const runtime = "Runtime only: iproute2 changes the running kernel, not the host's network configuration.";
  if (why) {
    if (!input.guarded) return fail("invalid", confirmProblem(`The ${what}`, why), { guarded: confirmProblem(`The ${what}`, why) });
    const { doInput, undoInput } = removalInputs(removal.pairs);
    return storePlan(
      guardedDraft({
        kind: "remove-route", runner: "ip", seconds: input.seconds, nic: route.dev, bridge: route.dev, doInput, undoInput, before, after: removal.after, target, host,
        action: "interface.remove-route", what, summary: `Remove the ${what} on ${host.name}, under the dead-man switch`, why, notes: [runtime],
      }),
      operator.id,
    );
  }
  return storePlan({ action: "interface.remove-route", host, target: what, summary: `Remove the ${what} on ${host.name}`, steps: removalSteps(removal.pairs), notes: [runtime] }, operator.id);
}
