// Pure and client-safe: the nav and forms use it as well as the guard.

export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** A signed-in person, as the guard hands it to actions. Never carries the password hash. */
export type Operator = { id: string; username: string; role: Role };

const rank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

/** viewer < operator < admin: a higher role can do everything a lower one can. */
export const hasRole = (actual: Role, required: Role) => rank[actual] >= rank[required];

export const isRole = (value: unknown): value is Role => typeof value === "string" && (ROLES as readonly string[]).includes(value);
