import "server-only";
import { fail, ok, type ActionResult } from "@/lib/actions/result";
import type { Operator } from "@/lib/auth/roles";
import { diffSpecs, identityIssues, parseNetworkXml, xmlPolicyIssues } from "@/lib/domain/network";
import { loadEditContext } from "@/lib/changes/network-edit-context";
import type { EditableXml, XmlEditReview } from "@/lib/changes/network-edit-types";
import { xmlEditPlan } from "@/lib/changes/network-edit-xml";
import { savePlan } from "@/lib/changes/plan-store";
import { lineDiff } from "./line-diff";
import { libvirtSchemaRefusal } from "./schema-check";

// The XML editor's server side. Refusals come in the order an operator can
// act on them: a stale editor first (their edit is based on an old version),
// then the document itself (well-formed, a network, same name and UUID, no
// dnsmasq passthrough), then libvirt's schema. Nothing here changes the host.

export async function loadEditableXml(hostName: string, uuid: string): Promise<ActionResult<EditableXml>> {
  const ctx = await loadEditContext(hostName, uuid);
  if (!ctx.ok) return ctx;
  return ok({ uuid: ctx.data.network.uuid, xml: ctx.data.inactiveXml, active: ctx.data.network.active });
}

export async function prepareXmlEdit(operator: Operator, hostName: string, uuid: string, loaded: string, edited: string): Promise<ActionResult<XmlEditReview>> {
  const ctx = await loadEditContext(hostName, uuid);
  if (!ctx.ok) return ctx;
  const current = ctx.data.inactiveXml;
  // Compared with the definition read just now: an edit based on an older
  // version would silently undo whatever changed in between.
  if (current !== loaded) {
    return ok({ kind: "stale", current, message: "The network's XML on the host changed since you opened the editor. Nothing was changed; the newer version is shown below — start again from it." });
  }
  if (edited === current) return fail("unchanged", "The XML is the same as on the host; there is nothing to apply.");
  const before = parseNetworkXml(current);
  const after = parseNetworkXml(edited);
  if (!after.ok) return fail("invalid-xml", `This is not valid network XML, so nothing was changed. ${after.error}`);
  if (!before.ok) return fail("unreadable", `Switchyard cannot read the host's current XML: ${before.error}`);
  const identity = identityIssues(before.spec, after.spec);
  if (identity.length > 0) return fail("identity", identity.map((i) => i.message).join(" "));
  const policy = xmlPolicyIssues(after, edited);
  if (policy.length > 0) return fail("policy", policy.map((p) => p.message).join(" "));
  const refusal = await libvirtSchemaRefusal(ctx.data.target, edited).catch(() => "libvirt's check could not run on the host; try again.");
  if (refusal) return fail("libvirt-refused", `libvirt refuses this XML, so nothing was changed:\n${refusal}`);
  const changes = diffSpecs(before.spec, after.spec);
  // The model does not read everything (e.g. <bandwidth>, <portgroup>): a change there is still a change.
  if (changes.length === 0) changes.push({ path: "other XML", restart: true });
  const plan = savePlan(xmlEditPlan(ctx.data, edited, changes), operator.id);
  return ok({ kind: "plan", plan, diff: lineDiff(current, edited), changes, active: ctx.data.network.active });
}
