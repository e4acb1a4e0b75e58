export * from "./segment";
export * from "./build";
export * from "./schema";
export * from "./read";
export * from "./effect";
export * from "./host-facts";
export * from "./topology";
