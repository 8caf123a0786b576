import { defineConfig } from 'tsup'

export default defineConfig({
  entry: ['src/main.ts'],
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  clean: true,
  // The contracts are bundled from source; every npm dependency stays external.
  noExternal: [/^@smartsteps\//],
  banner: { js: '#!/usr/bin/env node' },
})
