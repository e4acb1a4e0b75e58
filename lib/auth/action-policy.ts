// Pure: how the role matrix test (tests/e2e/auth/role-matrix.test.ts) knows what
// each server action in the build is allowed to do, without a list that can drift.
//
// The convention, for every server action in the app:
//   - it is `defineAction(role, schema, handler)`, which authorizes before it parses or runs
//     anything (the public sign-in starts with its own check instead)
//   - a read-only action's name starts with a read verb (getHosts, listNetworks, …) and
//     may authorize "viewer"; every other action is a mutation and must refuse viewers.
// The few actions that cannot require a session are named here, by file and export,
// and the matrix fails if one of them no longer exists in the build.

export type ActionKind = "public" | "self" | "read" | "mutation";

/** Callable without a session: signing in cannot require one. */
export const PUBLIC_ACTIONS: readonly string[] = ["app/login/actions.ts#signIn"];
/** Any signed-in operator, whatever the role, on their own session. */
export const SELF_ACTIONS: readonly string[] = ["app/login/actions.ts#signOut"];

export const READ_ACTION_NAME = /^(get|list|load|read|fetch|find|search|describe|preview)[A-Z0-9_]/;

export const actionKey = (file: string, exportedName: string) => `${file}#${exportedName}`;

export function actionKind(file: string, exportedName: string): ActionKind {
  const key = actionKey(file, exportedName);
  if (PUBLIC_ACTIONS.includes(key)) return "public";
  if (SELF_ACTIONS.includes(key)) return "self";
  return READ_ACTION_NAME.test(exportedName) ? "read" : "mutation";
}
