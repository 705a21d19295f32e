import { ApiError } from '../../server/src/kernel/errors/api-error.schema';
import { OpenApiContract, OpenApiDocument } from '../support/openapi-contract';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The contract check every API test runs (contract-setup.ts) can fail: on a made-up document,
 * and on the server's own for records that are not what it says.
 */
const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const JSON_TYPE = 'application/json; charset=utf-8';

describe('the OpenAPI contract check', () => {
  const document: OpenApiDocument = {
    paths: {
      '/api/things/{id}': {
        get: {
          responses: {
            200: {
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['id', 'name', 'at'],
                    properties: {
                      id: { type: 'integer' },
                      name: { type: 'string', nullable: true },
                      at: { type: 'string', format: 'date-time' },
                      kind: { $ref: '#/components/schemas/Kind' },
                    },
                  },
                },
              },
            },
            404: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          },
        },
      },
      '/api/things/export': { get: { responses: { 200: { content: { 'text/csv': { schema: { type: 'string' } } } } } } },
    },
    components: {
      schemas: {
        Kind: { type: 'string', enum: ['a', 'b'] },
        Error: { type: 'object', required: ['message'], properties: { message: { type: 'string' } } },
      },
    },
  };
  const contract = new OpenApiContract(document);
  const at = '2019-01-14T09:00:00.000Z';

  it('passes what the document describes: nullable where it says, $refs resolved', () => {
    expect(contract.check('GET', '/api/things/1', 200, JSON_TYPE, json({ id: 1, name: null, at, kind: 'a' }))).toBeUndefined();
    expect(contract.check('GET', '/api/things/1', 404, JSON_TYPE, json({ message: 'no' }))).toBeUndefined();
    expect(contract.check('HEAD', '/api/things/1', 200, JSON_TYPE, undefined)).toBeUndefined();
    expect(contract.check('GET', '/api/things/export', 200, 'text/csv; charset=utf-8', undefined)).toBeUndefined();
    expect(contract.check('GET', '/api/nothing/here', 404, JSON_TYPE, json({ message: 'no' }))).toBeUndefined();
  });

  it.each([
    [{ id: '1', name: 'x', at }, /\/id must be integer/],
    [{ id: 1, name: 'x' }, /must have required property 'at'/],
    [{ id: 1, name: 'x', at: '14 Jan 2019' }, /\/at must match format "date-time"/],
    [{ id: 1, name: 'x', at, extra: true }, /must NOT have additional properties "extra"/],
    [{ id: 1, name: 'x', at, kind: 'c' }, /\/kind must be equal to one of the allowed values/],
    [{ id: 1, name: {}, at }, /\/name must be string/],
  ])('refuses a body %j', (body, problem) => {
    expect(contract.check('GET', '/api/things/1', 200, JSON_TYPE, json(body))).toMatch(problem);
  });

  it('refuses a status, a content type or a route the document does not have', () => {
    expect(contract.check('GET', '/api/things/1', 409, JSON_TYPE, json({ message: 'x' }))).toMatch(
      /answered 409, a status the document does not list/,
    );
    expect(contract.check('GET', '/api/things/export', 200, JSON_TYPE, json([]))).toMatch(
      /sent application\/json; the document lists text\/csv/,
    );
    expect(contract.check('POST', '/api/things/1', 201, JSON_TYPE, json({}))).toMatch(/no operation for POST/);
  });
});

describe('the server’s document', () => {
  let t: TestApp;
  let contract: OpenApiContract;
  beforeAll(async () => {
    t = await createTestApp();
    contract = new OpenApiContract((await t.http().get('/api/docs/json').expect(200)).body as OpenApiDocument);
  });
  afterAll(() => t.close());

  it('describes a record exactly: a wrong type, a missing or an extra field is caught', async () => {
    const actor = (await t.http().post('/api/actors').send({ name: 'Taro Kono' }).expect(201)).body;
    const check = (body: object) => contract.check('GET', `/api/actors/${actor.id}`, 200, JSON_TYPE, json(body));
    expect(check(actor)).toBeUndefined();
    expect(check({ ...actor, deletedAt: {} })).toMatch(/\/deletedAt must be string/);
    expect(check({ ...actor, createdAt: 'yesterday' })).toMatch(/\/createdAt must match format "date-time"/);
    const { country: _country, ...withoutCountry } = actor;
    expect(check(withoutCountry)).toMatch(/must have required property 'country'/);
    expect(check({ ...actor, venue: 'TV Asahi' })).toMatch(/must NOT have additional properties "venue"/);
  });

  it('lists every refusal with the shared error body', () => {
    const error: ApiError = { statusCode: 400, error: 'Bad Request', message: 'x', errors: { _sort: 'no' } };
    expect(contract.check('GET', '/api/statements', 400, JSON_TYPE, json(error))).toBeUndefined();
    expect(contract.check('GET', '/api/statements', 400, JSON_TYPE, json({ ...error, errors: { _sort: 1 } }))).toMatch(/must be string/);
    expect(contract.check('GET', '/api/statements', 418, JSON_TYPE, json(error))).toMatch(/does not list/);
  });
});
