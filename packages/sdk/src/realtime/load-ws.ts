import type { NodeSocketConstructor } from './socket.js'

// A variable, so bundlers for browsers do not try to include the Node-only package.
const WS_PACKAGE = 'ws'

/** The `ws` package's WebSocket class, for runtimes without a global WebSocket (Node 20). */
export async function loadWs(): Promise<NodeSocketConstructor> {
  try {
    const module = await import(/* @vite-ignore */ WS_PACKAGE)
    return (module.WebSocket ?? module.default) as NodeSocketConstructor
  } catch (error) {
    throw new Error(
      'This runtime has no global WebSocket: install the `ws` package to use realtime',
      { cause: error },
    )
  }
}
