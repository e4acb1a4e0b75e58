import "server-only";
import type { EditContext } from "./network-edit-context";
import { defineStep, unchangedGuardStep, RESTART_NOTE } from "./network-edit-define";
import type { XmlChange } from "@/lib/domain/plan";
import type { PlanDraft } from "@/lib/domain/plan";

// An edit from the XML tab as a plan: one `net-define --validate` of exactly
// the document the operator wrote, undone by redefining the previous one.

export function xmlEditPlan(ctx: EditContext, xml: string, changes: XmlChange[]): PlanDraft {
  const restartNeeded = ctx.network.active && changes.length > 0;
  const notes = [
    "libvirt checks the document again (--validate) and changes nothing if it refuses.",
    ...(restartNeeded ? [RESTART_NOTE, "Reservations and DNS records changed here also wait for the restart; the DHCP and DNS tabs apply them live."] : []),
    ...(!ctx.network.active ? ["The network is stopped: the new definition applies when it starts."] : []),
  ];
  return {
    action: "network.xml-edit",
    host: ctx.host,
    target: ctx.network.name,
    summary: `Redefine network ${ctx.network.name} from the edited XML (${ctx.host.name})`,
    steps: [unchangedGuardStep(ctx.network.uuid, ctx.inactiveXml), defineStep(xml, ctx.inactiveXml, "Redefine the network from the edited XML below")],
    xml,
    notes,
  };
}
