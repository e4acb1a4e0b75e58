import Link from "next/link";
import { Fragment, type ReactNode } from "react";
import { hostHref, hostsHref } from "@/lib/routes";

// The top of every page about one host: "Hosts / <host> / …" and the page's
// heading, with an optional row of actions beside it. A server component.

export type Crumb = { label: string; href?: string };

type Props = {
  host: string;
  /** Crumbs after the host's own; the last is usually the current page, without href. */
  trail?: Crumb[];
  title: string;
  actions?: ReactNode;
};

const link = "text-brand-600 hover:underline dark:text-brand-500";

export function HostPageHeader({ host, trail = [], title, actions }: Props) {
  // On the host's own page its name is the current crumb, so not a link.
  const crumbs: Crumb[] = [{ label: "Hosts", href: hostsHref }, { label: host, ...(trail.length ? { href: hostHref(host) } : {}) }, ...trail];
  const heading = <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>;
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm">
        {crumbs.map((crumb, i) => (
          <Fragment key={i}>
            {i > 0 ? " / " : null}
            {crumb.href ? <Link href={crumb.href} className={link}>{crumb.label}</Link> : crumb.label}
          </Fragment>
        ))}
      </nav>
      {actions ? (
        <div className="flex flex-wrap items-center justify-between gap-3">
          {heading}
          {actions}
        </div>
      ) : heading}
    </>
  );
}
