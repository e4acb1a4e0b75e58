"use client";

import { memo } from "react";
import type { Node, NodeProps } from "@xyflow/react";

export type HostGroupData = { label: string; href: string };
export type HostGroupFlowNode = Node<HostGroupData, "hostGroup">;

/** One host's box in the fleet view; its label links to that host's own topology. */
function HostGroupView({ data }: NodeProps<HostGroupFlowNode>) {
  return (
    <div className="h-full w-full rounded-lg border border-dashed border-zinc-400 bg-zinc-100/40 dark:bg-zinc-800/40">
      <a href={data.href} className="nodrag inline-block px-3 py-2 text-sm font-semibold text-brand-600 hover:underline">
        {data.label}
      </a>
    </div>
  );
}

export const HostGroupComponent = memo(HostGroupView);
