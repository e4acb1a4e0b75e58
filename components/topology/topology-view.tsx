"use client";

import { useMemo, useRef, useState } from "react";
import { ReactFlowProvider } from "@xyflow/react";
import { networkNames, searchNodes, visibleForNetwork, type TopologyGraph } from "@/lib/domain/topology";
import { useElkLayout } from "./use-elk-layout";
import { toFlowEdges, toFlowNodes, type ViewFilter } from "./flow-elements";
import { TopologyCanvas } from "./topology-canvas";
import { Toolbar } from "./toolbar";
import { Legend } from "./legend";
import { SidePanel } from "./side-panel";
import { exportFlowImage, type ImageFormat } from "./export-image";
import { ErrorBox } from "@/components/ui";

type Props = {
  graph: TopologyGraph;
  /** Base name of exported images, e.g. "hv-a-topology". */
  fileName: string;
  onRefresh?: () => void;
  fetching?: boolean;
  /** The "Show VM interfaces" toggle; the graph says whether they are drawn (not folded). */
  onTapsShown: (shown: boolean) => void;
};

/** Toolbar, graph, side panel and legend for one built graph (a host or the fleet). */
export function TopologyView({ graph, fileName, onRefresh, fetching = false, onTapsShown }: Props) {
  const [query, setQuery] = useState("");
  const [network, setNetwork] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const containerRef = useRef<HTMLDivElement | null>(null);
  const { layout, pending, error } = useElkLayout(graph);

  const names = useMemo(() => networkNames(graph), [graph]);
  const matches = useMemo(() => searchNodes(graph, query), [graph, query]);
  const view: ViewFilter = useMemo(
    () => ({ visible: visibleForNetwork(graph, network), highlighted: new Set(matches) }),
    [graph, network, matches],
  );
  const nodes = useMemo(() => (layout ? toFlowNodes(graph, layout, view) : []), [graph, layout, view]);
  const edges = useMemo(() => (layout ? toFlowEdges(graph, layout, view) : []), [graph, layout, view]);
  const focus = useMemo(() => (matches.length ? matches : view.visible ? [...view.visible] : []), [matches, view.visible]);
  const selected = graph.nodes.find((n) => n.id === selectedId);

  const onExport = (format: ImageFormat) => {
    if (!containerRef.current) return;
    setExportError(null);
    exportFlowImage(containerRef.current, nodes, format, fileName).catch((e: unknown) => setExportError(e instanceof Error ? e.message : String(e)));
  };

  return (
    <div className="space-y-3">
      <Toolbar
        query={query}
        onQuery={setQuery}
        matches={matches.length}
        networks={names}
        network={network}
        onNetwork={setNetwork}
        onExport={onExport}
        onRefresh={onRefresh}
        busy={pending || fetching}
        tapsShown={!graph.folded}
        onTapsShown={onTapsShown}
      />
      <ErrorBox message={error || exportError} />
      <div className="flex h-[70vh] gap-3">
        <div className="min-w-0 flex-1 rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
          {layout ? (
            <ReactFlowProvider>
              <TopologyCanvas nodes={nodes} edges={edges} focus={focus} onSelect={setSelectedId} containerRef={containerRef} />
            </ReactFlowProvider>
          ) : (
            <p className="p-4 text-sm text-zinc-500" role="status">Laying out {graph.nodes.length} nodes…</p>
          )}
        </div>
        {selected && <SidePanel node={selected} onClose={() => setSelectedId(null)} />}
      </div>
      <Legend folded={graph.folded} />
    </div>
  );
}
