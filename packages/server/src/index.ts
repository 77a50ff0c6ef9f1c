// The Node entry (also Bun's): the edge entry plus the adapter to `node:http`.
export * from './edge'
export { toNodeListener, type WebHandler } from './toNodeListener'
