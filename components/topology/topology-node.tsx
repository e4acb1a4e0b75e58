"use client";

import { memo } from "react";
import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import type { TopologyNode as Model } from "@/lib/domain/topology";
import { KIND_BADGE, STATE_STYLE } from "./state-style";

export type TopologyNodeData = { model: Model; highlighted: boolean; dimmed: boolean };
export type TopologyFlowNode = Node<TopologyNodeData, "topology">;

// Every name is rendered as a React text child: libvirt lets networks and
// VMs be called "<img src=x onerror=…>", and that must show as those characters.
function TopologyNodeView({ data, selected }: NodeProps<TopologyFlowNode>) {
  const { model, highlighted, dimmed } = data;
  const state = STATE_STYLE[model.state];
  const badge = KIND_BADGE[model.kind];
  const ring = highlighted ? "ring-4 ring-yellow-300" : selected ? "ring-2 ring-brand-500" : "";
  return (
    <div
      className={`h-full w-full overflow-hidden rounded-md border-2 bg-white px-2 py-1 text-xs shadow-sm dark:bg-zinc-900 ${state.border} ${ring} ${dimmed ? "opacity-30" : ""}`}
      title={`${model.label} — ${state.label}`}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="flex items-center gap-1.5">
        <span className={`rounded px-1 text-[10px] font-semibold ${badge.className}`}>{badge.text}</span>
        <span className={`h-2 w-2 shrink-0 rounded-full ${state.dot}`} aria-label={state.label} />
        <span className="truncate font-medium" data-testid="topology-node-label">
          {model.label}
        </span>
      </div>
      {model.sublabels.map((line, i) => (
        <div key={i} className="truncate text-[11px] text-zinc-500 dark:text-zinc-400">
          {line}
        </div>
      ))}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

export const TopologyNodeComponent = memo(TopologyNodeView);
