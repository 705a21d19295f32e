import { INestApplication, Logger } from '@nestjs/common';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { EmbeddedDatabase } from './embedded-postgres';
import { pgPool } from './pg-pool';

/**
 * Keep-alive connections, seen from a server that is stopping. `server.close()` refuses new
 * connections and closes the idle ones, but a connection busy with a request stays open after
 * its response (it still says keep-alive, and the client may send the next request on it)
 * until the keep-alive timeout: the shutdown would wait for it, or cut a request at the
 * deadline that arrived long after the signal. So, once draining: responses not yet started
 * say `Connection: close`, and a connection whose last request is answered is closed.
 */
export class ConnectionDrain {
  private readonly requests = new Map<Socket, Set<ServerResponse>>();
  private draining = false;

  constructor(server: Server) {
    server.on('connection', (socket: Socket) => {
      this.requests.set(socket, new Set());
      socket.once('close', () => this.requests.delete(socket));
    });
    server.prependListener('request', (request: IncomingMessage, response: ServerResponse) => {
      const socket = request.socket;
      const open = this.requests.get(socket) ?? new Set();
      this.requests.set(socket, open);
      open.add(response);
      if (this.draining) this.closeAfter(response);
      response.once('close', () => {
        open.delete(response);
        // Ended gracefully: what is still buffered is sent first.
        if (this.draining && open.size === 0) socket.end();
      });
    });
  }

  get requestsUnderWay(): number {
    return [...this.requests.values()].reduce((sum, open) => sum + open.size, 0);
  }

  /** From now on no connection outlives its last response; idle ones close now. */
  start(): void {
    this.draining = true;
    for (const [socket, open] of this.requests) {
      if (open.size === 0) socket.end();
      for (const response of open) this.closeAfter(response);
    }
  }

  /** Cuts every connection still open: the client sees it broken, not a hang. */
  cutAll(): void {
    for (const socket of this.requests.keys()) socket.destroy();
  }

  private closeAfter(response: ServerResponse): void {
    if (!response.headersSent) response.setHeader('Connection', 'close');
  }
}

/**
 * The pool's connections, counted until each has really closed. pg-pool's end() (TypeORM's
 * DataSource.destroy()) resolves once it has asked every connection to close, before their
 * sessions have ended: stopping PostgreSQL right then would cut them instead.
 */
class PoolConnections {
  private open: number;
  private whenClosed?: () => void;

  constructor(pool: Pool) {
    this.open = pool.totalCount;
    pool.on('connect', () => this.open++);
    pool.on('remove', () => {
      if (--this.open <= 0) this.whenClosed?.();
    });
  }

  allClosed(): Promise<void> {
    return this.open <= 0 ? Promise.resolve() : new Promise((resolve) => (this.whenClosed = resolve));
  }
}

export interface GracefulShutdownOptions {
  /** The database Chronicle started itself, stopped last. */
  embedded?: EmbeddedDatabase;
  /** Longest the requests under way may take before the process exits anyway (status 1). */
  timeoutMs: number;
  logger: Logger;
}

/**
 * What SIGINT, SIGTERM and SIGHUP (a closed terminal) do, from the moment the database is
 * open: let the requests under way finish, refusing new connections; then close the
 * database pool (TypeORM destroys its DataSource when the application closes) and stop the
 * embedded PostgreSQL; exit 0. At the deadline, or at a second signal, cut what is left,
 * tell PostgreSQL to stop, and exit 1.
 */
export class GracefulShutdown {
  private app?: INestApplication;
  private drain?: ConnectionDrain;
  private connections?: PoolConnections;
  private stopping = false;

  constructor(private readonly options: GracefulShutdownOptions) {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void this.stop(signal));
  }

  /** The application whose connections to drain; before it listens, so that every connection is seen. */
  serve(app: INestApplication): void {
    this.app = app;
    this.drain = new ConnectionDrain(app.getHttpServer() as Server);
    this.connections = new PoolConnections(pgPool(app.get(DataSource)));
  }

  private async stop(signal: string): Promise<void> {
    const { logger, embedded, timeoutMs } = this.options;
    if (this.stopping) {
      logger.warn(`${signal} again: exiting now`);
      this.abandon();
    }
    this.stopping = true;
    embedded?.expectStop();
    logger.log(`${signal}: finishing ${this.drain?.requestsUnderWay ?? 0} requests under way, then stopping`);
    const deadline = setTimeout(() => {
      logger.error(
        `Shutdown took longer than ${timeoutMs} ms (SHUTDOWN_TIMEOUT_MS): exiting with ${this.drain?.requestsUnderWay ?? 0} requests unfinished`,
      );
      this.abandon();
    }, timeoutMs);
    deadline.unref();
    try {
      this.drain?.start();
      await this.app?.close();
      await this.connections?.allClosed();
      await embedded?.stop();
    } catch (error) {
      logger.error(`Shutdown failed: ${(error as Error).stack ?? error}`);
      this.abandon();
    }
    logger.log('Stopped.');
    process.exit(0);
  }

  private abandon(): never {
    this.drain?.cutAll();
    // Sends PostgreSQL its fast-shutdown signal at once; it finishes stopping on its own.
    void this.options.embedded?.stop();
    process.exit(1);
  }
}
