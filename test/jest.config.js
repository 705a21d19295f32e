/**
 * One jest run for the whole repository: unit specs next to the code (server/src/**\/*.spec.ts)
 * end-to-end API specs (test/api) against a real PostgreSQL, and browser specs (test/browser)
 * driving Debian's Chromium against the real server. NestJS 12 is ESM-only, so
 * @swc/jest compiles it (and our TypeScript) to CommonJS with decorator metadata.
 */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  rootDir: '..',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/server/src/**/*.spec.ts', '<rootDir>/test/api/**/*.e2e-spec.ts', '<rootDir>/test/browser/**/*.e2e-spec.ts'],
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', swc] },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs)/)'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/test/support/contract-setup.ts'],
  testTimeout: 30_000,
  maxWorkers: 2,
};
