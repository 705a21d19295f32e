import type { TestApp } from './test-app';

/** Creates records through the API itself, so tests exercise the same path as the admin. */
export function factories(t: TestApp) {
  let n = 0;
  const unique = (prefix: string) => `${prefix} ${++n}`;
  const post = async (path: string, body: object) => {
    const res = await t.http().post(path).send(body);
    if (res.status !== 201) throw new Error(`POST ${path} → ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  return {
    actor: (fields: object = {}) => post('/api/actors', { name: unique('Actor'), ...fields }),
    source: (fields: object = {}) => post('/api/sources', { title: unique('Source'), ...fields }),
    topic: (fields: object = {}) => post('/api/topics', { name: unique('Topic'), ...fields }),
    stance: (fields: object = {}) => post('/api/stances', { name: unique('Stance'), score: 0, ...fields }),
    statement: (fields: { speakerId: number } & Record<string, unknown>) =>
      post('/api/statements', { date: '2019-01-14', headline: unique('Headline'), ...fields }),
  };
}
