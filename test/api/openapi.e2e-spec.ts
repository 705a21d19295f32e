import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { REPOSITORY_ROOT } from '../../server/src/config/paths';
import { previewOpenApiDocument } from '../../server/src/openapi-document';

/**
 * The OpenAPI document is valid: no error under Redocly CLI's recommended rules
 * (redocly.yaml) nor under Spectral's spectral:oas (.spectral.yaml), both pinned in
 * package.json. Every operation has a summary. (That every response matches it is checked
 * by every API test: contract-setup.ts.)
 */
const run = promisify(execFile);
const bin = (relative: string) => path.join(REPOSITORY_ROOT, 'node_modules', relative);

let dir: string;
let file: string;
let document: Awaited<ReturnType<typeof previewOpenApiDocument>>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-openapi-'));
  file = path.join(dir, 'openapi.json');
  document = await previewOpenApiDocument();
  await writeFile(file, JSON.stringify(document, null, 2));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs a linter that exits non-zero on errors; resolves with its report (stdout) either way. */
async function lint(args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(process.execPath, args, { cwd: REPOSITORY_ROOT, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, output: failed.stdout };
  }
}

describe('the OpenAPI document', () => {
  it('has no error under Redocly CLI (recommended rules)', async () => {
    const { code, output } = await lint([bin('@redocly/cli/bin/cli.js'), 'lint', file, '--config', 'redocly.yaml', '--format', 'json']);
    const report = JSON.parse(output) as { totals: { errors: number; warnings: number } };
    expect({ code, errors: report.totals.errors }).toEqual({ code: 0, errors: 0 });
  }, 60_000);

  it('has no error under Spectral (spectral:oas)', async () => {
    const { code, output } = await lint([
      bin('@stoplight/spectral-cli/dist/index.js'),
      'lint',
      file,
      '--ruleset',
      '.spectral.yaml',
      '--format',
      'json',
      '--quiet',
    ]);
    const results = JSON.parse(output) as { severity: number; code: string; path: string[] }[];
    expect({ code, errors: results.filter((r) => r.severity === 0).map((r) => `${r.code} at ${r.path.join('.')}`) }).toEqual({
      code: 0,
      errors: [],
    });
  }, 60_000);

  it('gives every operation a summary and a security requirement, and lists its refusals', () => {
    for (const [route, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(
        operations as Record<string, { summary?: string; security?: unknown[]; responses: object }>,
      )) {
        const name = `${method.toUpperCase()} ${route}`;
        expect({ name, summary: Boolean(operation.summary), security: Array.isArray(operation.security) }).toEqual({
          name,
          summary: true,
          security: true,
        });
        expect({ name, lists400: '400' in operation.responses }).toEqual({ name, lists400: true });
      }
    }
  });
});
