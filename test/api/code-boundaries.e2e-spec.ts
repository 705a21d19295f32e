import { execFileSync } from 'node:child_process';
import { REPOSITORY_ROOT } from '../../server/src/config/paths';

/**
 * The direction of the server's dependencies is a lint rule (eslint.config.mjs,
 * import-x/no-restricted-paths), run by `npm test`: the kernel imports nothing of the app, the
 * records engine no feature. These probes show that the rule bites, and where it does not.
 */

// ESLint loads its config with a dynamic import, which jest's module system cannot run: the
// probes are linted by ESLint's API in a Node process of their own, with the boundary rule only
// (they are not on disk, so not in a TypeScript program for the type-aware rules).
const LINT_PROBES = `
const { ESLint } = require('eslint');
const probes = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
const eslint = new ESLint({
  overrideConfig: { languageOptions: { parserOptions: { project: null, projectService: false } } },
  ruleFilter: ({ ruleId }) => ruleId === 'import-x/no-restricted-paths',
});
Promise.all(probes.map(([file, code]) => eslint.lintText(code, { filePath: file }))).then((results) =>
  process.stdout.write(JSON.stringify(results.map(([r]) => r.messages.filter((m) => m.ruleId === 'import-x/no-restricted-paths').map((m) => m.message)))));
`;

function boundaryErrors(probes: [file: string, code: string][]): string[][] {
  const output = execFileSync(process.execPath, ['-e', LINT_PROBES], {
    cwd: REPOSITORY_ROOT,
    input: JSON.stringify(probes),
    encoding: 'utf8',
  });
  return JSON.parse(output) as string[][];
}

describe('the server’s import boundaries (lint)', () => {
  it('refuse a feature in the records engine and anything of the app in the kernel, and allow the other direction', () => {
    const [engineImportsFeature, kernelImportsEngine, featureImportsEngine, engineImportsKernel] = boundaryErrors([
      ['server/src/records/collection/probe.ts', "export { Access } from '../../auth/access.decorator';\n"],
      ['server/src/kernel/errors/probe.ts', "export { RECORD_ACTIONS } from '../../records/collection/record-history';\n"],
      ['server/src/history/probe.ts', "export { RECORD_ACTIONS } from '../records/collection/record-history';\n"],
      ['server/src/records/probe.ts', "export { badRequest } from '../kernel/errors/api-errors';\n"],
    ]);
    expect(engineImportsFeature).toEqual([expect.stringMatching(/records engine imports no feature/)]);
    expect(kernelImportsEngine).toEqual([expect.stringMatching(/kernel imports nothing of the app/)]);
    expect(featureImportsEngine).toEqual([]);
    expect(engineImportsKernel).toEqual([]);
  });
});
