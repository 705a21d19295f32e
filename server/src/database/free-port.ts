import * as net from 'node:net';

/** The port the kernel picks for a bind to port 0, closed again at once. */
function askTheKernel(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A port finder that never hands out the same port twice, whatever `ask` returns. The kernel
 * may offer the same ephemeral port to two bind(0) calls in a row once the first listener is
 * closed, so two ports asked for before either is in use (a server's and its embedded
 * PostgreSQL's) could be one: CI saw "EADDRINUSE 127.0.0.1:44227" when both got 44227.
 */
export function distinctPorts(ask: () => Promise<number>): () => Promise<number> {
  const handedOut = new Set<number>();
  return async () => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const port = await ask();
      if (!handedOut.has(port)) {
        handedOut.add(port);
        return port;
      }
    }
    throw new Error('no free TCP port that this process has not used already');
  };
}

/** A TCP port on 127.0.0.1 that nothing listens on right now, and not one this process was given before. */
export const findFreePort = distinctPorts(askTheKernel);
