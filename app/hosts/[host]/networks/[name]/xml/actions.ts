"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { authorize } from "@/lib/auth/guard";
import { parseInput } from "@/lib/actions/parse-input";
import type { EditableXml, XmlEditReview } from "@/lib/domain/plan";
import { loadEditableXml, prepareXmlEdit } from "@/lib/libvirt/xml-edit/prepare";

// The XML tab's Edit mode. Loading needs the operator role too: only
// operators may edit, and the read-only view already shows the XML to viewers.

const network = { host: z.string().min(1).max(200), uuid: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "Not a network UUID.") };
const document = z.string().max(1_000_000);

export async function loadNetworkXmlForEdit(input: unknown): Promise<ActionResult<EditableXml>> {
  const auth = await authorize("operator");
  if (!auth.ok) return auth;
  const parsed = parseInput(z.object(network), input);
  if (!parsed.ok) return parsed;
  return loadEditableXml(parsed.data.host, parsed.data.uuid.toLowerCase());
}

/** Checks the edit (stale editor, XML, identity, policy, libvirt's schema) and returns its diff and plan. */
export async function planXmlEdit(input: unknown): Promise<ActionResult<XmlEditReview>> {
  const auth = await authorize("operator");
  if (!auth.ok) return auth;
  const parsed = parseInput(z.object({ ...network, loaded: document, edited: document }), input);
  if (!parsed.ok) return parsed;
  const { host, uuid, loaded, edited } = parsed.data;
  return prepareXmlEdit(auth.operator, host, uuid.toLowerCase(), loaded, edited);
}
