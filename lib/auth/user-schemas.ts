import { z } from "zod";
import { ROLES } from "./roles";

// Shared by the forms (client) and the actions (server), so both give the same field errors.

export const usernameSchema = z
  .string()
  .trim()
  .min(1, "Enter a username")
  .max(64, "At most 64 characters")
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "Lower-case letters, digits, '.', '_' and '-' only, starting with a letter or digit");

export const newPasswordSchema = z.string().min(12, "At least 12 characters").max(200, "At most 200 characters");

export const roleSchema = z.enum(ROLES, { error: "Choose a role" });

export const signInSchema = z.object({
  username: z.string().trim().min(1, "Enter your username").max(200),
  password: z.string().min(1, "Enter your password").max(1000),
});

export const addUserSchema = z.object({ username: usernameSchema, password: newPasswordSchema, role: roleSchema });
export const setRoleSchema = z.object({ userId: z.uuid(), role: roleSchema });
export const resetPasswordSchema = z.object({ userId: z.uuid(), password: newPasswordSchema });
export const removeUserSchema = z.object({ userId: z.uuid() });

export type SignInInput = z.infer<typeof signInSchema>;
export type AddUserInput = z.infer<typeof addUserSchema>;
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;
