import "server-only";
import { cache } from "react";
import { readSessionToken } from "./session-cookie";
import { operatorForToken } from "./sessions";
import type { Operator } from "./roles";

/**
 * The signed-in operator for this request, or null. Reading the cookie first
 * matters: during `next build` it marks the page dynamic before the store is touched.
 */
export const getCurrentOperator = cache(async (): Promise<Operator | null> => {
  const token = await readSessionToken();
  if (!token) return null;
  return operatorForToken(token);
});
