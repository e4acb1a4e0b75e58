"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { prepareDhcpHostAdd, prepareDhcpHostDelete, prepareDhcpRange } from "@/lib/changes/prepare-dhcp";
import { networkRef } from "@/lib/domain/inputs";

// The DHCP tab's actions. Each returns a plan to review (or field errors);
// nothing runs on the host until the plan is applied.

const field = z.string().max(300);

/** A static DHCP host (also what "Reserve" sends for a lease). */
export const planDhcpHostAdd = defineAction("operator", z.object({ ...networkRef, mac: field, ip: field, name: field.optional() }), ({ host, ...input }, operator) =>
  prepareDhcpHostAdd({ operator, host, input }),
);

export const planDhcpHostDelete = defineAction("operator", z.object({ ...networkRef, mac: field.optional(), ip: field }), ({ host, ...input }, operator) =>
  prepareDhcpHostDelete({ operator, host, input }),
);

export const planDhcpRange = defineAction("operator", z.object({ ...networkRef, start: field, end: field }), ({ host, ...input }, operator) =>
  prepareDhcpRange({ operator, host, input }),
);
