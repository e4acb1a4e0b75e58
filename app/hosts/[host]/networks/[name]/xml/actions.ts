"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { networkRef } from "@/lib/domain/inputs";
import { loadEditableXml, prepareXmlEdit } from "@/lib/changes/prepare-xml-edit";

// The XML tab's Edit mode. Loading needs the operator role too: only
// operators may edit, and the read-only view already shows the XML to viewers.

const document = z.string().max(1_000_000);

export const loadNetworkXmlForEdit = defineAction("operator", z.object(networkRef), ({ host, ...input }, operator) => loadEditableXml({ operator, host, input }));

/** Checks the edit (stale editor, XML, identity, policy, libvirt's schema) and returns its diff and plan. */
export const planXmlEdit = defineAction("operator", z.object({ ...networkRef, loaded: document, edited: document }), ({ host, ...input }, operator) =>
  prepareXmlEdit({ operator, host, input }),
);
