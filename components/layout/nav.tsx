import Link from "next/link";

const links = [
  { href: "/hosts", label: "Hosts" },
  { href: "/networks", label: "Networks" },
  { href: "/topology", label: "Topology" },
  { href: "/audit", label: "Audit" },
  { href: "/users", label: "Users" },
];

export function Nav({ children }: { children?: React.ReactNode }) {
  return (
    <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
      <nav aria-label="Main" className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
        <Link href="/" className="font-semibold tracking-tight text-brand-600 dark:text-brand-500">
          Switchyard
        </Link>
        <ul className="flex gap-4 text-sm">
          {links.map((l) => (
            <li key={l.href}>
              <Link href={l.href} className="text-zinc-700 hover:text-zinc-950 dark:text-zinc-300 dark:hover:text-white">
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
        <div className="ml-auto flex items-center gap-3 text-sm">{children}</div>
      </nav>
    </header>
  );
}
