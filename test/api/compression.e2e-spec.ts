import * as http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { factories } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/** JSON answers are compressed for clients that accept it; small answers and exports are not. */
let t: TestApp;
let base: string;
let speakerId: number;

beforeAll(async () => {
  t = await createTestApp();
  base = await t.listen();
  speakerId = (await factories(t).actor({ name: 'Compressed speaker' })).id;
  const make = factories(t);
  for (let i = 0; i < 12; i++)
    await make.statement({ speakerId, quote: `Statement ${i}: the islands are discussed at length, again and again.` });
}, 60_000);
afterAll(() => t.close());

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  bytes: Buffer;
}

/** A GET whose body is read as the bytes on the wire (supertest would decompress them). */
function rawGet(path: string, acceptEncoding?: string): Promise<RawAnswer> {
  const headers: Record<string, string> = { Authorization: `Bearer ${t.users.admin.token}` };
  if (acceptEncoding !== undefined) headers['Accept-Encoding'] = acceptEncoding;
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${path}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, bytes: Buffer.concat(chunks) }));
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

const LIST = () => `/api/statements?_start=0&_end=25&speakerId=${speakerId}`;

describe('response compression', () => {
  it('sends a list as it is to a client that accepts no encoding', async () => {
    const plain = await rawGet(LIST());
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.bytes.length).toBeGreaterThan(1024);
    expect(JSON.parse(plain.bytes.toString('utf8'))).toHaveLength(12);
  });

  it.each([
    ['br', 'gzip, deflate, br', brotliDecompressSync],
    ['gzip', 'gzip', gunzipSync],
  ])('compresses a list with %s, same JSON and headers, several times smaller', async (encoding, accepted, decompress) => {
    const plain = await rawGet(LIST());
    const packed = await rawGet(LIST(), accepted);
    expect(packed.status).toBe(200);
    expect(packed.headers['content-encoding']).toBe(encoding);
    expect(packed.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(packed.headers['x-total-count']).toBe('12');
    expect(packed.headers['content-type']).toMatch(/^application\/json/);
    expect(decompress(packed.bytes).toString('utf8')).toBe(plain.bytes.toString('utf8'));
    expect(packed.bytes.length).toBeLessThan(plain.bytes.length / 3);
  });

  it('leaves answers under 1 KB alone', async () => {
    const small = await rawGet('/api/health', 'gzip, br');
    expect(small.status).toBe(200);
    expect(small.bytes.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('keeps the one error shape for a client that accepts gzip', async () => {
    const error = await rawGet(`/api/statements?unknownFilter=${'x'.repeat(3000)}`, 'gzip');
    expect(error.status).toBe(400);
    const body = JSON.parse((error.headers['content-encoding'] === 'gzip' ? gunzipSync(error.bytes) : error.bytes).toString('utf8'));
    expect(body).toMatchObject({ statusCode: 400, errors: { unknownFilter: expect.any(String) } });
  });

  it('never compresses an export, whatever the client accepts', async () => {
    const exported = await rawGet(`/api/statements/export?format=csv&speakerId=${speakerId}`, 'gzip, br');
    expect(exported.status).toBe(200);
    expect(exported.headers['content-disposition']).toMatch(/^attachment/);
    expect(exported.headers['content-encoding']).toBeUndefined();
    expect(exported.bytes.length).toBeGreaterThan(1024);
    expect(exported.bytes.toString('utf8')).toContain('Statement 11: the islands');
  });
});
