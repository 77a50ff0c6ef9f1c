import { defineConfig } from 'tsdown'

// A peer: the declarations import the SDK's types from the app's own copy instead of inlining ~100 kB of them
// (which the app's compiler would then check as ours), and createNodeChat loads the app's copy at run time.
const deps = { neverBundle: [/^@tencentcloud\/chat(\/|$)/] }

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: 'esm',
    dts: true,
    platform: 'neutral',
    target: 'es2022',
    clean: true,
    deps,
  },
  {
    entry: { 'gateway/index': 'src/gateway/index.ts' },
    format: 'esm',
    dts: true,
    platform: 'node',
    target: 'node20',
    clean: false,
    deps,
    // The exports map names .js/.d.ts for both entries.
    outExtensions: () => ({ js: '.js', dts: '.d.ts' }),
  },
])
