"use server";

import type { ActionResult } from "@/lib/actions/result";
import { authorize } from "@/lib/auth/guard";
import { parseInput } from "@/lib/actions/parse-input";
import { addUserSchema, removeUserSchema, resetPasswordSchema, setRoleSchema } from "@/lib/auth/user-schemas";
import * as accounts from "@/lib/auth/users";

export async function addUser(input: unknown): Promise<ActionResult<{ id: string }>> {
  const auth = await authorize("admin");
  if (!auth.ok) return auth;
  const parsed = parseInput(addUserSchema, input);
  if (!parsed.ok) return parsed;
  return accounts.addUser(auth.operator, parsed.data);
}

export async function setUserRole(input: unknown): Promise<ActionResult> {
  const auth = await authorize("admin");
  if (!auth.ok) return auth;
  const parsed = parseInput(setRoleSchema, input);
  if (!parsed.ok) return parsed;
  return accounts.setUserRole(auth.operator, parsed.data.userId, parsed.data.role);
}

export async function resetUserPassword(input: unknown): Promise<ActionResult> {
  const auth = await authorize("admin");
  if (!auth.ok) return auth;
  const parsed = parseInput(resetPasswordSchema, input);
  if (!parsed.ok) return parsed;
  return accounts.resetUserPassword(auth.operator, parsed.data.userId, parsed.data.password);
}

export async function removeUser(input: unknown): Promise<ActionResult> {
  const auth = await authorize("admin");
  if (!auth.ok) return auth;
  const parsed = parseInput(removeUserSchema, input);
  if (!parsed.ok) return parsed;
  return accounts.removeUser(auth.operator, parsed.data.userId);
}
