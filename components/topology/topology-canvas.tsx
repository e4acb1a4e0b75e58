"use client";

import { useEffect, useRef } from "react";
import { Background, Controls, ReactFlow, useReactFlow, type Edge, type NodeMouseHandler } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { TopologyNodeComponent } from "./topology-node";
import { HostGroupComponent } from "./host-group-node";
import type { FlowNode } from "./flow-elements";

const nodeTypes = { topology: TopologyNodeComponent, hostGroup: HostGroupComponent };

type Props = {
  nodes: FlowNode[];
  edges: Edge[];
  /** IDs to bring into view (search matches, a filtered network); empty → leave the view alone. */
  focus: string[];
  onSelect: (id: string | null) => void;
  containerRef: React.RefObject<HTMLDivElement | null>;
};

/** The drawing itself: read-only (nothing drags or connects), zoom/fit via Controls. */
export function TopologyCanvas({ nodes, edges, focus, onSelect, containerRef }: Props) {
  const flow = useReactFlow();
  const focusKey = focus.join("\n");
  const lastFocus = useRef("");

  useEffect(() => {
    if (focusKey === lastFocus.current) return;
    lastFocus.current = focusKey;
    const ids = focusKey ? focusKey.split("\n").map((id) => ({ id })) : undefined;
    // Let the hidden flags land before framing the nodes that remain.
    requestAnimationFrame(() => void flow.fitView({ nodes: ids, duration: 300, padding: 0.2 }));
  }, [focusKey, flow]);

  const onNodeClick: NodeMouseHandler<FlowNode> = (_, node) => onSelect(node.type === "topology" ? node.id : null);

  return (
    <div ref={containerRef} className="h-full w-full" data-testid="topology-canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodeClick={onNodeClick}
        onPaneClick={() => onSelect(null)}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        fitView
        minZoom={0.05}
        maxZoom={2}
        onlyRenderVisibleElements={nodes.length > 400}
        proOptions={{ hideAttribution: true }}
        // Controls, edge labels and the background follow the page's theme (the system's).
        colorMode="system"
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
