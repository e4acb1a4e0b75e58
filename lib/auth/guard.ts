import "server-only";
import { notFound, redirect } from "next/navigation";
import { fail, type ActionFailure } from "@/lib/actions/result";
import { getCurrentOperator } from "./current-operator";
import { hasRole, type Operator, type Role } from "./roles";

// Every server action and route handler checks here itself: actions are public
// POST endpoints, and the proxy's redirects are only a convenience (CVE-2025-29927).

export type Authorized = { ok: true; operator: Operator };

async function check(role: Role): Promise<Authorized | ActionFailure> {
  let operator: Operator | null;
  try {
    operator = await getCurrentOperator();
  } catch (err) {
    // Next's own control-flow errors (dynamic rendering bail-outs) must pass through.
    if (err instanceof Error && "digest" in err) throw err;
    console.error("Session lookup failed:", err);
    return fail("unavailable", "The session store is unavailable; try again shortly.");
  }
  if (!operator) return fail("unauthenticated", "Sign in first.");
  if (!hasRole(operator.role, role)) return fail("forbidden", `This needs the ${role} role; you are ${operator.role}.`);
  return { ok: true, operator };
}

/**
 * The session and role check behind defineAction (lib/actions/define-action.ts),
 * which every server action but sign-in is made with.
 */
export const authorize = (role: Role): Promise<Authorized | ActionFailure> => check(role);

const status: Record<string, number> = { unauthenticated: 401, forbidden: 403 };

/**
 * For route handlers, as their first statement:
 *   const auth = await authorizeRoute("viewer"); if (!auth.ok) return auth.response;
 */
export async function authorizeRoute(role: Role): Promise<Authorized | { ok: false; response: Response }> {
  const result = await check(role);
  if (result.ok) return result;
  return { ok: false, response: Response.json({ ok: false, code: result.code, message: result.message }, { status: status[result.code] ?? 503 }) };
}

/** For pages: redirects to /login without a session, and answers 404 to a role that may not see the page. */
export async function requirePageRole(role: Role): Promise<Operator> {
  const operator = await getCurrentOperator();
  if (!operator) redirect("/login");
  if (!hasRole(operator.role, role)) notFound();
  return operator;
}
