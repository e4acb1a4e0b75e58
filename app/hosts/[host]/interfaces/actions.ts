"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { prepareHostInterfaceChange } from "@/lib/changes/prepare-host-interface";
import { hostInput as host } from "@/lib/domain/inputs";
import { interfaceNameSchema } from "@/lib/domain/interfaces/names";

const planInput = z.discriminatedUnion("change", [
  z.object({ host, change: z.enum(["create-bridge", "create-tap", "delete-tap", "delete-bridge"]), name: interfaceNameSchema }),
  z.object({ host, change: z.literal("add-port"), port: interfaceNameSchema, bridge: interfaceNameSchema }),
  // The bridge is read from the host when the plan is made.
  z.object({ host, change: z.literal("remove-port"), port: interfaceNameSchema }),
]);

/** A bridge/TAP change as a plan to review; nothing runs until it is applied. */
export const planHostInterfaceChange = defineAction("operator", planInput, ({ host, ...change }, operator) =>
  prepareHostInterfaceChange({ operator, host, input: change.change === "remove-port" ? { ...change, bridge: "" } : change }),
);
