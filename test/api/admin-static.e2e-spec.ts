import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * How the server serves the built admin next to the API: a stand-in build in a temporary
 * folder keeps these tests independent of the real admin bundle (the browser tests use that).
 */
const INDEX = '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script></body></html>';

let dist: string;
let t: TestApp;
beforeAll(async () => {
  dist = await mkdtemp(path.join(os.tmpdir(), 'chronicle-admin-dist-'));
  await mkdir(path.join(dist, 'assets'));
  await writeFile(path.join(dist, 'index.html'), INDEX);
  await writeFile(path.join(dist, 'assets', 'index-abc123.js'), 'console.log("admin");');
  await writeFile(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  t = await createTestApp({ adminDistDir: dist });
});
afterAll(async () => {
  await t.close();
  await rm(dist, { recursive: true, force: true });
});

describe('the built admin at /', () => {
  it('serves index.html at / and revalidates it on every visit, with a content security policy', async () => {
    const res = await t.http().get('/').expect(200);
    expect(res.text).toBe(INDEX);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
  });

  it.each(['/timeline?speakerId=4&speakerId=3&view=lanes', '/statements/7/show', '/actors/create'])(
    'answers the deep link %s with the app (the browser router takes it from there)',
    async (url) => {
      const res = await t.http().get(url).expect(200);
      expect(res.text).toBe(INDEX);
    },
  );

  it('caches hashed assets for a year and does not answer a missing one with the page', async () => {
    const asset = await t.http().get('/assets/index-abc123.js').expect(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await t.http().get('/assets/index-old999.js').expect(404);
    expect(missing.text).not.toContain('<div id="root">');
  });

  it('serves other files of the build by name with a short cache', async () => {
    const res = await t.http().get('/favicon.svg').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    expect(res.headers['content-type']).toMatch(/svg/);
  });

  it('leaves the API alone: its routes, its JSON 404s, its docs', async () => {
    await t.http().get('/api/health').expect(200);
    const unknown = await t.http().get('/api/no-such-thing').expect(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    expect((await t.http().get('/api').expect(200)).body.name).toBe('Chronicle API');
    await t.http().get('/api/docs/json').expect(200);
  });

  it('answers only reads with the page: other methods outside /api are not found', async () => {
    await t.http().post('/timeline').send({}).expect(404);
  });
});

describe('without a build', () => {
  let bare: TestApp;
  let empty: string;
  beforeAll(async () => {
    empty = await mkdtemp(path.join(os.tmpdir(), 'chronicle-admin-missing-'));
    bare = await createTestApp({ adminDistDir: path.join(empty, 'dist') });
  });
  afterAll(async () => {
    await bare.close();
    await rm(empty, { recursive: true, force: true });
  });

  it('still serves the API and says at / how to build the admin', async () => {
    await bare.http().get('/api/health').expect(200);
    const res = await bare.http().get('/').expect(503);
    expect(res.text).toMatch(/admin panel has not been built/);
    expect(res.text).toMatch(/npm start/);
    expect(res.text).toContain('href="/api/docs"');
  });
});
