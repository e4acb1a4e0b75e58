// The topology builder's public surface: facts in, plain graph out, plus the
// pure halves of layout (ELK input/output, position reuse) and the filters.
export * from "./facts";
export * from "./graph";
export { nodeId, edgeId, groupId } from "./ids";
export { buildHostGraph, DEFAULT_FOLD_TAPS_ABOVE, tapsShownOptions, type BuildOptions } from "./build-host";
export { buildFleetGraph, type FleetHost } from "./build-fleet";
export { foldTaps, countVmTaps } from "./fold-taps";
export { networkNames, visibleForNetwork, searchNodes } from "./filter";
export { defaultRouteDev } from "../host/routes";
export { toElkGraph, NODE_SIZE, GROUP_PADDING, type ElkEngine, type ElkNodeJson, type ElkEdgeJson } from "./layout/elk-graph";
export { readElkLayout, EMPTY_LAYOUT, type Box, type TopologyLayout } from "./layout/positions";
export { reusePositions } from "./layout/stable-positions";
export { layoutTopology } from "./layout/layout-topology";
export { syntheticFacts } from "./synthetic-facts";
