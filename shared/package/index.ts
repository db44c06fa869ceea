/**
 * The 检查材料包 (inspection package): build it (streamed), verify it, read it back for comparison. Pure: runs in
 * Node, the browser and a worker. See manifest.ts for the format, paths.ts for the names inside.
 */
export * from './manifest';
export * from './paths';
export * from './sha256';
export * from './findings';
export * from './build';
export * from './verify';
export * from './demoAttachments';
export * from './read';
export * from './minutesPool';
