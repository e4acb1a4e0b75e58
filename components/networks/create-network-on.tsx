"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { primaryButton, Select } from "@/components/ui";
import { newNetworkHref } from "@/lib/routes";

/** "Create network on [host]": the fleet page's way into a host's wizard. */
export function CreateNetworkOn({ hosts }: { hosts: string[] }) {
  const router = useRouter();
  const [host, setHost] = useState(hosts[0] ?? "");
  if (hosts.length === 0) return null;
  return (
    <form
      aria-label="Create a network"
      className="flex items-end gap-2 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        router.push(newNetworkHref(host));
      }}
    >
      <Select label="on host" value={host} onChange={(e) => setHost(e.target.value)}>
        {hosts.map((h) => (
          <option key={h} value={h}>{h}</option>
        ))}
      </Select>
      <button type="submit" className={primaryButton}>Create network</button>
    </form>
  );
}
