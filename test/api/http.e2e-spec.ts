import { Logger } from '@nestjs/common';
import { factories } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

let t: TestApp;
let speakerId: number;
beforeAll(async () => {
  t = await createTestApp();
  speakerId = (await factories(t).actor()).id;
});
afterAll(() => t.close());

const statementCount = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM statements'))[0].n;

describe('HTTP surface', () => {
  it('answers malformed JSON with a 400 in the error shape', async () => {
    const res = await t.http().post('/api/statements').set('Content-Type', 'application/json').send('{"headline": "x",').expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', errors: { body: expect.stringMatching(/not valid JSON/) } });
  });

  it.each([
    ['an array', [{ headline: 'x' }]],
    ['a string', '"text"'],
    ['null', 'null'],
  ])('refuses %s as a body', async (_label, body) => {
    const res = await t
      .http()
      .post('/api/actors')
      .set('Content-Type', 'application/json')
      .send(typeof body === 'string' ? body : JSON.stringify(body))
      .expect(400);
    expect(res.body.errors).toBeDefined();
  });

  it('refuses a body over the size limit with 413, storing nothing', async () => {
    const before = await statementCount();
    const res = await t
      .http()
      .post('/api/statements')
      .send({ date: '2019', headline: 'Big', speakerId, quote: 'x'.repeat(2_000_000) })
      .expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    expect(await statementCount()).toBe(before);
  });

  it('refuses a too long quote inside the limit with 400', async () => {
    const res = await t
      .http()
      .post('/api/statements')
      .send({ date: '2019', headline: 'Long', speakerId, quote: 'x'.repeat(50_001) })
      .expect(400);
    expect(res.body.errors.quote).toMatch(/50000 characters/);
  });

  it('answers /api with where things are', async () => {
    const res = await t.http().get('/api').expect(200);
    expect(res.body).toMatchObject({ documentation: '/api/docs', health: '/api/health', timeline: '/api/timeline' });
    for (const collection of res.body.collections) await t.http().get(`${collection}?_end=1`).expect(200);
  });

  it('reports the database in /api/health', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('serves the OpenAPI document, generated from the code, with every route and filter', async () => {
    const res = await t.http().get('/api/docs/json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    const paths = Object.keys(res.body.paths);
    for (const path of [
      '/api/statements',
      '/api/statements/{id}',
      '/api/actors',
      '/api/actors/{id}',
      '/api/sources',
      '/api/topics',
      '/api/stances',
      '/api/timeline',
      '/api/health',
      '/api/edtf',
    ]) {
      expect(paths).toContain(path);
    }
    const listParams = res.body.paths['/api/statements'].get.parameters.map((p: { name: string }) => p.name);
    expect(listParams).toEqual(
      expect.arrayContaining(['_start', '_end', '_sort', '_order', 'speakerId', 'actorId', 'date_gte', 'date_lte', 'q']),
    );
    expect(res.body.paths['/api/actors'].post.requestBody).toBeDefined();
    const html = await t.http().get('/api/docs').expect(200);
    expect(html.text).toMatch(/swagger-ui/i);
  });

  it('gives the document to those who may read the API; the Swagger UI page is public and embeds none', async () => {
    const refused = await t.as('anonymous').get('/api/docs/json').expect(401);
    expect(refused.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', message: expect.stringMatching(/Sign in first/) });
    expect(refused.headers['www-authenticate']).toBe('Bearer');
    for (const role of ['viewer', 'editor', 'admin'] as const) {
      expect((await t.as(role).get('/api/docs/json').expect(200)).body.paths['/api/statements']).toBeDefined();
    }
    expect((await t.as('anonymous').get('/api/docs').expect(200)).text).toMatch(/swagger-ui-init\.js/);
    // The page loads the document from the guarded route, with the admin's session on this origin.
    const init = (await t.as('anonymous').get('/api/docs/swagger-ui-init.js').expect(200)).text;
    expect(init).toContain('"swaggerUrl": "/api/docs/json"');
    expect(init).toContain("getItem('chronicle.session')");
    expect(init).not.toContain('/api/statements');
    await t.as('anonymous').get('/api/docs-yaml').expect(404);
  });

  it('tells anonymous callers only that the database does not answer; the log has why', async () => {
    const logged = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const query = jest
      .spyOn(t.dataSource, 'query')
      .mockRejectedValueOnce(Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:5432'), { code: 'ECONNREFUSED' }));
    try {
      const res = await t.as('anonymous').get('/api/health').expect(503);
      expect(res.body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'The database does not answer.',
        status: 'error',
        database: 'down',
      });
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('connect ECONNREFUSED 10.1.2.3:5432'));
    } finally {
      query.mockRestore();
      logged.mockRestore();
    }
    await t.as('anonymous').get('/api/health').expect(200);
  });

  it('previews how an EDTF date will read', async () => {
    const ok = await t.http().get('/api/edtf?date=2018-23').expect(200);
    expect(ok.body).toEqual({ date: '2018-23', dateStart: '2018-09-01', dateEnd: '2018-11-30', displayDate: 'autumn 2018' });
    const bad = await t.http().get('/api/edtf?date=2019-13').expect(400);
    expect(bad.body.errors.date).toMatch(/not a valid EDTF date/);
    await t.http().get('/api/edtf').expect(400);
    await t.http().get('/api/edtf?date=2019&x=1').expect(400);
  });
});
