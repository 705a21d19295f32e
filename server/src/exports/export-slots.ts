import { Inject, Injectable, Logger } from '@nestjs/common';
import { ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { clientGroup } from '../auth/client-address';
import type { AuthenticatedRequest } from '../auth/principal';
import { ApiError } from '../kernel/errors/api-error.schema';
import { RetryLaterException } from '../kernel/errors/api-errors';
import { EXPORT_LIMITS, ExportLimits } from './export-limits';
import { ReaderWatch, watchStalledReader } from './stalled-reader';

/**
 * What a refused export is told to wait: how long an export takes is not known in advance
 * (a speaker's statements take a second, everything at a million rows a minute).
 */
export const EXPORT_RETRY_AFTER_SECONDS = 10;

/**
 * The 429 of every export route, as JSON: said explicitly, because a route that declares its
 * file's media type (`@ApiProduces('text/csv')`) would otherwise document its refusals as CSV.
 */
export const ApiTooManyExports = () =>
  ApiResponse({
    status: 429,
    description:
      'Too many exports under way: this account (or, anonymously, this address) already streams EXPORTS_PER_USER ' +
      '(2 by default), or the server EXPORTS_TOTAL (4 by default). Retry-After says when to try again.',
    content: { 'application/json': { schema: { $ref: getSchemaPath(ApiError) } } },
  });

/** 429 for an export beyond a limit; the message names the limit. */
export class TooManyExports extends RetryLaterException {
  constructor(message: string) {
    super({ statusCode: 429, error: 'Too Many Requests', message }, EXPORT_RETRY_AFTER_SECONDS);
  }
}

/** Whom an export counts against: the account behind any of its tokens, or else the client's address (IPv6 by /64). */
function readerOf(request: AuthenticatedRequest): { key: string; what: 'account' | 'address' } {
  if (request.principal) return { key: `account ${request.principal.user.id}`, what: 'account' };
  return { key: `address ${clientGroup(request.ip ?? 'unknown')}`, what: 'address' };
}

/**
 * Admits every streamed download — statement exports, networks, snapshot files — against the
 * limits, and drops those whose reader has stopped reading. Each holds a database connection
 * until its client has read it to the end, so an admitted export is one connection taken from
 * the pool; the total is at most half the pool (export-limits.ts), which leaves the rest of the
 * API its connections however many exports are asked for or however slowly they are read.
 * Refusals come at once, before the export takes a connection: a queue of waiting exports
 * would hold requests open instead.
 */
@Injectable()
export class ExportSlots {
  private readonly logger = new Logger('Exports');
  private readonly byReader = new Map<string, number>();
  private readonly watches = new Set<ReaderWatch>();
  private total = 0;

  constructor(@Inject(EXPORT_LIMITS) private readonly limits: ExportLimits) {}

  /** Exports streaming now. */
  get underWay(): number {
    return this.total;
  }

  /** Exports under way whose reader has taken nothing for `ms` or longer: blocked on back-pressure, not (yet) dropped. */
  waitingForReaders(ms: number): number {
    return [...this.watches].filter((watch) => watch.waitingMs() >= ms).length;
  }

  /**
   * Runs `work` — an export writing to `response` — in a slot (or refuses it with 429), and
   * watches its reader: one that takes nothing for the stall timeout has its response
   * destroyed, which ends the export's pipeline, its cursor and its connection. The reader's
   * own count drops as soon as its response is finished: a client that has the whole file may
   * ask for the next at once (the export still commits for a moment after its last byte, and
   * three downloads in a row were refused as a third at once). The total, which guards the
   * pool, drops only once `work` has settled, that is once the connection is back in the pool.
   */
  async run<T>(response: Response, work: () => Promise<T>): Promise<T> {
    const request = response.req as AuthenticatedRequest;
    const reader = readerOf(request);
    this.admit(reader);
    let readerLeft = false;
    const readerDone = () => {
      if (readerLeft) return;
      readerLeft = true;
      this.leaveReader(reader.key);
    };
    response.once('finish', readerDone);
    response.once('close', readerDone);
    const watch = watchStalledReader(response, this.limits.stallTimeoutMs, (waitedMs) => {
      // The path without its query: an export link's ticket is a credential.
      this.logger.warn(
        `Export ${request.path} for ${reader.key} dropped: its reader took nothing for ${(waitedMs / 1000).toFixed(1)} s ` +
          `(EXPORT_STALL_SECONDS), after ${response.socket?.bytesWritten ?? 0} bytes. Its database connection is released.`,
      );
      response.destroy();
    });
    this.watches.add(watch);
    try {
      return await work();
    } finally {
      watch.stop();
      this.watches.delete(watch);
      response.removeListener('finish', readerDone);
      response.removeListener('close', readerDone);
      readerDone();
      this.total--;
    }
  }

  /**
   * Throws the 429 an export asked for by `request` now would get, without taking a slot: an
   * export ticket is refused so, since the plain browser download it is for could not show a
   * refusal to the person who clicked (the download would just fail).
   */
  expectRoomFor(request: AuthenticatedRequest): void {
    const refusal = this.refusalFor(readerOf(request));
    if (refusal) throw refusal;
  }

  /** Takes a slot for `reader`, or throws the 429 of the first limit it would exceed. */
  private admit(reader: { key: string; what: 'account' | 'address' }): void {
    const refusal = this.refusalFor(reader);
    if (refusal) throw refusal;
    this.byReader.set(reader.key, (this.byReader.get(reader.key) ?? 0) + 1);
    this.total++;
  }

  /** The 429 of the first limit a new export of `reader` would exceed, if any. */
  private refusalFor(reader: { key: string; what: 'account' | 'address' }): TooManyExports | null {
    const mine = this.byReader.get(reader.key) ?? 0;
    if (mine >= this.limits.perUser) {
      return new TooManyExports(
        `Too many exports at once: this ${reader.what} already streams ${mine}, the most one ${reader.what} may ` +
          `(EXPORTS_PER_USER = ${this.limits.perUser}). Try again when one has finished, or in ${EXPORT_RETRY_AFTER_SECONDS} s.`,
      );
    }
    if (this.total >= this.limits.total) {
      return new TooManyExports(
        `Too many exports at once: the server already streams ${this.total}, the most it streams for all readers together ` +
          `(EXPORTS_TOTAL = ${this.limits.total}). Try again in ${EXPORT_RETRY_AFTER_SECONDS} s.`,
      );
    }
    return null;
  }

  private leaveReader(key: string): void {
    const mine = (this.byReader.get(key) ?? 1) - 1;
    if (mine > 0) this.byReader.set(key, mine);
    else this.byReader.delete(key);
  }
}
