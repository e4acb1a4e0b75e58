"use server";

import { defineAction } from "@/lib/actions/define-action";
import { addUserSchema, removeUserSchema, resetPasswordSchema, setRoleSchema } from "@/lib/auth/user-schemas";
import * as accounts from "@/lib/auth/users";

// Accounts are admin work: every action here authorizes "admin" first.

export const addUser = defineAction("admin", addUserSchema, (input, operator) => accounts.addUser(operator, input));

export const setUserRole = defineAction("admin", setRoleSchema, ({ userId, role }, operator) => accounts.setUserRole(operator, userId, role));

export const resetUserPassword = defineAction("admin", resetPasswordSchema, ({ userId, password }, operator) => accounts.resetUserPassword(operator, userId, password));

export const removeUser = defineAction("admin", removeUserSchema, ({ userId }, operator) => accounts.removeUser(operator, userId));
