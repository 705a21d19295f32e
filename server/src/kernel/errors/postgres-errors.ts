import { HttpStatus } from '@nestjs/common';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { ApiErrorBody } from './api-errors';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  message?: string;
  table?: string;
}

/**
 * API field a constraint guards, for errors the services' own checks did not catch first
 * (a row deleted between the check and the write, a concurrent duplicate).
 */
const CONSTRAINT_FIELDS: Record<string, string> = {
  fk_statements_speaker_id: 'speakerId',
  fk_statements_stance_id: 'stanceId',
  fk_statements_responds_to_id: 'respondsToId',
  fk_statement_participants_actor_id: 'participantIds',
  fk_statement_topics_topic_id: 'topicIds',
  fk_statement_sources_source_id: 'sourceIds',
  uq_statements_live_key: 'key',
  uq_topics_name: 'name',
  uq_stances_name: 'name',
  uq_actors_wikidata_id: 'wikidataId',
  chk_actors_country: 'country',
  chk_actors_wikidata_id: 'wikidataId',
  chk_stances_score: 'score',
  chk_stances_color: 'color',
  chk_statements_date_range: 'date',
  chk_statements_not_self_reply: 'respondsToId',
  chk_sources_url: 'url',
  chk_sources_archive_url: 'archiveUrl',
};

const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
/**
 * SQLSTATEs of a server going away or not taking us yet (besides class 08, connection
 * exceptions): admin_shutdown, crash_shutdown (another backend crashed and took the others
 * down), cannot_connect_now (starting up, in recovery), too_many_connections.
 */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);

function body(statusCode: number, error: string, message: string, field?: string): ApiErrorBody {
  return { statusCode, error, message, ...(field ? { errors: { [field]: message } } : {}) };
}

/** Whether the database could not be reached or went away (answer 503, not 500). */
export function isDatabaseUnavailable(error: unknown): boolean {
  // TypeORM gives a transaction's connection back the moment the connection fails, even
  // between two of its queries (the database restarting); the next query then reports only
  // that the connection is gone: the runner's own methods say so with one error, its
  // EntityManager's (manager.query) with another.
  if (error instanceof QueryRunnerAlreadyReleasedError || error instanceof QueryRunnerProviderAlreadyReleasedError) return true;
  const e = error as PgError & { driverError?: PgError };
  const code = e?.driverError?.code ?? e?.code;
  const message = String(e?.message ?? '');
  return (
    (code !== undefined && (CONNECTION_ERRORS.has(code) || code.startsWith('08') || UNAVAILABLE_STATES.has(code))) ||
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message)
  );
}

/** Translates a PostgreSQL failure into the API's error body, or undefined when it is a server fault. */
export function describePostgresError(error: unknown): ApiErrorBody | undefined {
  if (isDatabaseUnavailable(error)) {
    return body(HttpStatus.SERVICE_UNAVAILABLE, 'Service Unavailable', 'The database is unavailable; try again shortly.');
  }
  if (!(error instanceof QueryFailedError)) return undefined;
  const pg = error.driverError as PgError;
  const field = pg.constraint ? CONSTRAINT_FIELDS[pg.constraint] : undefined;
  switch (pg.code) {
    case '23503':
      // "update or delete on table …": something still references the row.
      if (/^update or delete on table/.test(pg.message ?? '')) {
        return body(HttpStatus.CONFLICT, 'Conflict', `This record is still referenced (${pg.detail ?? pg.constraint}).`);
      }
      return body(HttpStatus.BAD_REQUEST, 'Bad Request', `refers to a record that does not exist (${pg.detail ?? ''})`.trim(), field);
    case '23505':
      return body(HttpStatus.CONFLICT, 'Conflict', `already exists (${pg.detail ?? pg.constraint})`, field);
    case '23514':
    case '23502':
    case '22001':
    case '22003':
    case '22007':
    case '22008':
    case '22021':
    case '22P02':
    case '22P05':
    case '54000':
      return body(HttpStatus.BAD_REQUEST, 'Bad Request', pg.message ?? 'invalid value', field);
    case '57014':
      return body(
        HttpStatus.SERVICE_UNAVAILABLE,
        'Service Unavailable',
        'The database took too long to answer; narrow the request or try again.',
      );
    case '40001':
    case '40P01':
      return body(HttpStatus.SERVICE_UNAVAILABLE, 'Service Unavailable', 'A concurrent change interfered; try again.');
    default:
      return undefined;
  }
}
