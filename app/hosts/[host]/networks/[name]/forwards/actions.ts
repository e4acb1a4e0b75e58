"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { preparePortForwardAdd, preparePortForwardRemove, readPortForwards } from "@/lib/changes/prepare-port-forward";
import { networkRef } from "@/lib/domain/inputs";

// The Port forwarding tab's actions: a read (any signed-in viewer), and two
// plans to review (operators). The form's fields are checked by the domain's
// schema inside the prepare verb, so its messages land on the right field.

const field = z.string().max(300);

export const loadPortForwards = defineAction("viewer", z.object(networkRef), ({ host, uuid }) => readPortForwards(host, uuid));

export const planPortForwardAdd = defineAction(
  "operator",
  z.object({ ...networkRef, protocol: field, hostAddress: field, hostPort: field, guestAddress: field, guestPort: field, comment: field.optional() }),
  ({ host, ...input }, operator) => preparePortForwardAdd({ operator, host, input }),
);

export const planPortForwardRemove = defineAction("operator", z.object({ ...networkRef, key: field }), ({ host, ...input }, operator) =>
  preparePortForwardRemove({ operator, host, input }),
);
