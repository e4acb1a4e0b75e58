"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { ok } from "@/lib/actions/result";
import { editEndpointSchema, editHostSchema, hostEndpointSchema, hostIdSchema, repinSchema, trustedHostSchema } from "@/lib/domain/host/schema";
import * as hostService from "@/lib/hosts";

// Hosts hold root-equivalent credentials, so every change here is admin-only.
// Each action: authorize → parse → call lib/hosts → return its ActionResult.

/** "Add host": fetches the key the host offers; nothing secret is sent or stored. */
export const probeHostKey = defineAction("admin", hostEndpointSchema, (endpoint) => hostService.probeHostKey(endpoint));

/** The same, when editing an existing host (its own name is not "taken"). */
export const probeEditedHostKey = defineAction("admin", editEndpointSchema, ({ endpoint, hostId }) => hostService.probeHostKey(endpoint, hostId));

/** "Trust this host key": the one call that carries the credentials. */
export const addHost = defineAction("admin", trustedHostSchema, (input, operator) => hostService.addHost(operator, input));

export const editHost = defineAction("admin", editHostSchema, (input, operator) => hostService.editHost(operator, input));

export const removeHost = defineAction("admin", hostIdSchema, ({ hostId }, operator) => hostService.removeHost(operator, hostId));

export const repinHostKey = defineAction("admin", repinSchema, ({ hostId, fingerprint }, operator) => hostService.repinHostKey(operator, hostId, fingerprint));

/** "Generate key pair" (takes no input): the private key stays on the server; the browser gets the public line. */
export const generateKeyPair = defineAction("admin", z.unknown(), async (_input, operator) => ok(await hostService.createGeneratedKey(operator.id)));
