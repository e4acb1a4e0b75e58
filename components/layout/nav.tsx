import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import type { Operator } from "@/lib/auth/roles";
import { hasRole } from "@/lib/auth/roles";

const links = [
  { href: "/hosts", label: "Hosts", role: "viewer" },
  { href: "/networks", label: "Networks", role: "viewer" },
  { href: "/topology", label: "Topology", role: "viewer" },
  { href: "/audit", label: "Audit", role: "admin" },
  { href: "/users", label: "Users", role: "admin" },
] as const;

/** The operator comes from the layout; without one only the brand shows (the sign-in page). */
export function Nav({ operator }: { operator: Operator | null }) {
  const visible = operator ? links.filter((l) => hasRole(operator.role, l.role)) : [];
  return (
    <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
      <nav aria-label="Main" className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
        <Link href="/" className="font-semibold tracking-tight text-brand-600 dark:text-brand-500">
          Switchyard
        </Link>
        <ul className="flex gap-4 text-sm">
          {visible.map((l) => (
            <li key={l.href}>
              <Link href={l.href} className="text-zinc-700 hover:text-zinc-950 dark:text-zinc-300 dark:hover:text-white">
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
        {operator ? (
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span data-testid="signed-in-user">
              {operator.username} <span className="text-zinc-500">({operator.role})</span>
            </span>
            <SignOutButton />
          </div>
        ) : null}
      </nav>
    </header>
  );
}
