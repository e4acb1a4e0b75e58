"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { newNetworkHref } from "@/lib/routes";

/** "Create network on [host]": the fleet page's way into a host's wizard. */
export function CreateNetworkOn({ hosts }: { hosts: string[] }) {
  const router = useRouter();
  const [host, setHost] = useState(hosts[0] ?? "");
  const selectId = useId();
  if (hosts.length === 0) return null;
  return (
    <form
      aria-label="Create a network"
      className="flex items-center gap-2 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        router.push(newNetworkHref(host));
      }}
    >
      <label htmlFor={selectId}>on host</label>
      <select id={selectId} value={host} onChange={(e) => setHost(e.target.value)} className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 dark:border-zinc-700 dark:bg-zinc-900">
        {hosts.map((h) => (
          <option key={h} value={h}>{h}</option>
        ))}
      </select>
      <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">Create network</button>
    </form>
  );
}
