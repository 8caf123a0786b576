import { defineConfig } from 'tsup'

export default defineConfig({
  entry: ['src/index.ts', 'src/cli.ts'],
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  clean: true,
  // The SDK and contracts are bundled from source: in this workspace their package entry points
  // are TypeScript, which Node 20 cannot run. npm dependencies (commander, zod) stay external.
  noExternal: [/^@smartsteps\//],
})
