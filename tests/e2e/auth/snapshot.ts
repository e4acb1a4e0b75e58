import { inject } from "vitest";

/** The text an admin sees on /users and /audit: if a refused call had changed anything, this changes. */
export async function snapshotAdminViews(adminCookie: string): Promise<string> {
  const parts: string[] = [];
  for (const page of ["/users", "/audit"]) {
    const res = await fetch(inject("baseURL") + page, { headers: { Cookie: adminCookie }, redirect: "manual" });
    if (res.status !== 200) throw new Error(`${page} answered ${res.status} to the admin`);
    const html = await res.text();
    const main = /<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? "";
    parts.push(`${page}:\n` + main.replace(/<[^>]+>/g, " ").replace(/\s+/g, " "));
  }
  return parts.join("\n");
}
