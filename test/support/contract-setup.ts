import { takeContractViolations } from './openapi-contract';

/*
 * Run before every test file (jest setupFilesAfterEnv): a response that breaks the OpenAPI
 * contract fails the test during which it was sent, with the request and what is wrong.
 */
const report = () => {
  const violations = takeContractViolations();
  if (!violations.length) return;
  const lines = violations.slice(0, 10).map((v) => `  ${v.request}\n    ${v.problem}`);
  const more = violations.length > 10 ? `\n  … and ${violations.length - 10} more` : '';
  throw new Error(`${violations.length} response(s) do not match the OpenAPI document:\n${lines.join('\n')}${more}`);
};

afterEach(report);
afterAll(report);
