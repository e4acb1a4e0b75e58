import "server-only";
import { findHostTarget } from "@/lib/hosts";
import { forgetLiveModel } from "@/lib/hosts/live-model-server";
import type { Operator } from "@/lib/auth/roles";
import { applyPlan, sshRunner } from "./apply";
import { applyGuardedPlan } from "./guarded-change";
import { applyCrossHostPlan } from "./apply-cross-host";
import { peekPlan, takePlan } from "./plan-store";
import type { ApplyEvent } from "@/lib/domain/plan";

// The apply endpoint's work: check the confirmation, take the plan (once), and
// stream each event as one JSON line while the steps run. The change runs to
// its end even if the browser goes away: stopping half-way would leave the
// host in a state nobody chose.

const json = (status: number, body: object) => Response.json(body, { status });

export async function applyPlanResponse(planId: string, operator: Operator, confirm: string | undefined): Promise<Response> {
  const seen = await peekPlan(planId, operator.id);
  if (!seen.ok) return json(seen.code === "plan-expired" ? 410 : 404, { ok: false, code: seen.code, message: seen.message });
  if (seen.plan.confirmPhrase !== undefined && confirm !== seen.plan.confirmPhrase) {
    return json(400, { ok: false, code: "confirm-mismatch", message: "Type the network's name exactly to confirm." });
  }
  const taken = await takePlan(planId, operator.id);
  if (!taken.ok) return json(404, { ok: false, code: taken.code, message: taken.message });
  const plan = taken.plan;
  const found = await findHostTarget(plan.host.id);
  if (!found.ok) return json(404, { ok: false, code: found.code, message: found.message });
  const encoder = new TextEncoder();
  let open = true;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const emit = (event: ApplyEvent) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
        } catch {
          open = false;
        }
      };
      // Autostart and kernel changes raise no libvirt event: the live model must not serve what it held.
      forgetLiveModel(plan.host.id);
      // A plan that can cut the host off runs under the host's dead-man switch.
      const run = plan.crossHost ? applyCrossHostPlan(plan, operator, emit) : plan.guard ? applyGuardedPlan(plan, operator, found.data.target, emit) : applyPlan(plan, operator, sshRunner(found.data.target), emit);
      void run.finally(() => {
        forgetLiveModel(plan.host.id);
        if (open) controller.close();
        open = false;
      });
    },
    cancel() {
      open = false;
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
}
