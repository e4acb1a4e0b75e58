// The one shape every prepare verb takes: who asks, on which host (its
// registered name), and the verb's own input, already parsed by the action.
import type { Operator } from "@/lib/auth/roles";

export type PrepareRequest<Input> = { operator: Operator; host: string; input: Input };
