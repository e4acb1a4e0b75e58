"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { prepareDnsHostAdd, prepareDnsHostDelete, prepareDnsSettings, prepareRestart } from "@/lib/changes/prepare-dns";
import { networkRef } from "@/lib/domain/inputs";

// The DNS tab's actions: each returns a plan to review, or field errors.

const field = z.string().max(2000);

export const planDnsHostAdd = defineAction("operator", z.object({ ...networkRef, ip: field, hostnames: field }), ({ host, ...input }, operator) =>
  prepareDnsHostAdd({ operator, host, input }),
);

export const planDnsHostDelete = defineAction("operator", z.object({ ...networkRef, ip: field }), ({ host, ...input }, operator) =>
  prepareDnsHostDelete({ operator, host, input }),
);

/** Domain and forwarders: a redefinition that takes effect at the next restart. */
export const planDnsSettings = defineAction("operator", z.object({ ...networkRef, domain: field, forwarders: field }), ({ host, ...input }, operator) =>
  prepareDnsSettings({ operator, host, input }),
);

export const planNetworkRestart = defineAction("operator", z.object(networkRef), ({ host, ...input }, operator) =>
  prepareRestart({ operator, host, input }),
);
