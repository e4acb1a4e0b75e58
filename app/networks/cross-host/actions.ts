"use server";

import { defineAction } from "@/lib/actions/define-action";
import { prepareCrossHostCreate } from "@/lib/changes/prepare-cross-host-create";
import { prepareCrossHostDelete } from "@/lib/changes/prepare-cross-host-delete";
import { prepareCrossHostAddHost, prepareCrossHostRemoveHost } from "@/lib/changes/prepare-cross-host-membership";
import { crossHostAddHostSchema, crossHostCreateSchema, crossHostDeleteSchema, crossHostRemoveHostSchema } from "@/lib/domain/cross-host";

// Cross-host network changes as plans to review; nothing runs until one is applied.

export const planCrossHostCreate = defineAction("operator", crossHostCreateSchema, (input, operator) => prepareCrossHostCreate({ operator, input }));
export const planCrossHostAddHost = defineAction("operator", crossHostAddHostSchema, (input, operator) => prepareCrossHostAddHost({ operator, input }));
export const planCrossHostRemoveHost = defineAction("operator", crossHostRemoveHostSchema, (input, operator) => prepareCrossHostRemoveHost({ operator, input }));
export const planCrossHostDelete = defineAction("operator", crossHostDeleteSchema, (input, operator) => prepareCrossHostDelete({ operator, input }));
