import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Nav } from "@/components/layout/nav";
import { QueryProvider } from "@/components/providers/query-provider";
import { getCurrentOperator } from "@/lib/auth/current-operator";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Switchyard", template: "%s · Switchyard" },
  description: "A web console for libvirt virtual networks on your KVM hosts.",
  // Both in public/: the favicon for tabs, the larger icon for bookmarks and home screens.
  icons: { icon: [{ url: "/favicon.svg", type: "image/svg+xml" }], apple: [{ url: "/icon.svg", type: "image/svg+xml" }] },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const operator = await getCurrentOperator();
  return (
    <html lang="en">
      <body className="min-h-screen bg-zinc-50 text-zinc-900 antialiased dark:bg-zinc-900 dark:text-zinc-100">
        <QueryProvider>
          <Nav operator={operator} />
          <main className="mx-auto max-w-7xl px-4 py-8">{children}</main>
        </QueryProvider>
      </body>
    </html>
  );
}
