import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { describePostgresError, isDatabaseUnavailable } from './postgres-errors';

const failed = (driverError: object) => new QueryFailedError('SELECT 1', [], Object.assign(new Error('driver'), driverError));

describe('isDatabaseUnavailable: a database that went away is a 503, never a 500', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a dropped socket', new Error('Connection terminated unexpectedly')],
    ['a pool that cannot connect in time', new Error('timeout exceeded when trying to connect')],
    ['a client broken by an earlier error', new Error('Client has encountered a connection error and is not queryable')],
    ["a transaction's runner released when its connection died", new QueryRunnerAlreadyReleasedError()],
    ["the same, seen through the transaction's EntityManager", new QueryRunnerProviderAlreadyReleasedError()],
    ['admin shutdown', failed({ code: '57P01' })],
    ['crash shutdown (another backend crashed)', failed({ code: '57P02' })],
    ['starting up or in recovery', failed({ code: '57P03' })],
    ['too many connections', failed({ code: '53300' })],
    ['a connection exception (class 08)', failed({ code: '08006' })],
  ])('%s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(describePostgresError(error)).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
  });

  it.each([
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a syntax error in SQL', failed({ code: '42601' })],
    ['an unknown column', failed({ code: '42703' })],
  ])('but not %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(describePostgresError(error)).toBeUndefined();
  });

  it('names the field a violated constraint guards', () => {
    expect(
      describePostgresError(
        failed({ code: '23503', constraint: 'fk_statements_speaker_id', detail: 'Key (speaker_id)=(9) is not present' }),
      ),
    ).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'refers to a record that does not exist (Key (speaker_id)=(9) is not present)',
      errors: { speakerId: 'refers to a record that does not exist (Key (speaker_id)=(9) is not present)' },
    });
  });
});
