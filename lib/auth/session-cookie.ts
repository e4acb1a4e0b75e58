import "server-only";
import { cookies, headers } from "next/headers";

import { SESSION_COOKIE_NAME } from "./cookie-name";

/** Secure whenever the browser reached us over https (directly or through a TLS-terminating proxy). */
async function servedOverHttps(): Promise<boolean> {
  if (process.env.SWITCHYARD_SECURE_COOKIES === "1") return true;
  const proto = (await headers()).get("x-forwarded-proto") ?? "";
  return proto.split(",")[0]?.trim() === "https";
}

export async function setSessionCookie(token: string, expiresAt: Date): Promise<void> {
  const jar = await cookies();
  jar.set(SESSION_COOKIE_NAME, token, { httpOnly: true, sameSite: "lax", secure: await servedOverHttps(), path: "/", expires: expiresAt });
}

export async function readSessionToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE_NAME)?.value;
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE_NAME);
}
