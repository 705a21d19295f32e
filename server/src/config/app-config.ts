import { isIP } from 'node:net';
import * as path from 'node:path';
import type { LevelWithSilent } from 'pino';
import { LOG_LEVELS } from '../logging/logging-options';
import type { ImportSettings } from '../imports/import-settings';
import { DEFAULT_EXPORT_STALL_SECONDS, defaultExportLimits, exportShareOfPool, ExportLimits } from '../exports/export-limits';
import type { PublicRead } from '../auth/auth-options';

/** Everything the server reads from its environment, parsed once at start-up. */
export interface AppConfig {
  /** HTTP port of the API (and, once it exists, the admin). */
  port: number;
  /** The address readers reach this instance at (PUBLIC_URL), for the permanent addresses of snapshots in citations. */
  publicUrl?: string;
  host: string;
  /** External PostgreSQL; when absent an embedded server is started. */
  databaseUrl?: string;
  embedded: {
    dataDir: string;
    port: number;
  };
  /** Load the seed fixtures when this start created the schema. */
  seedOnFirstStart: boolean;
  /**
   * Other origins whose pages may call the API from a browser. None by default: the admin is
   * served on the API's own origin, and an open CORS policy would let any website a curator
   * visits read and write their database through their browser.
   */
  corsOrigins: string[];
  auth: {
    /** Anonymous clients may read and export (a published timeline): everything public, or only verified statements. */
    publicRead: PublicRead;
    sessionTtlHours: number;
    /** How long a one-time password (invitation, reset) may be used to sign in (ONE_TIME_PASSWORD_TTL_HOURS). */
    oneTimePasswordTtlHours: number;
    /** The first admin, created when the database has no accounts. */
    adminEmail?: string;
    adminPassword?: string;
  };
  /** Express's `trust proxy`: behind a reverse proxy, client addresses (login throttling) come from X-Forwarded-For. */
  trustProxy: TrustProxy;
  /** pino's level for the JSON log on stdout. */
  logLevel: LevelWithSilent;
  /** On SIGTERM/SIGINT, how long the requests under way may take before the process exits anyway. */
  shutdownTimeoutMs: number;
  /** Imports: the largest file (IMPORT_BODY_LIMIT_MB), and how long an upload waits before it answers 202 (IMPORT_WAIT_MS). */
  imports: ImportSettings;
  database: {
    poolSize: number;
    statementTimeoutMs: number;
    connectionTimeoutMs: number;
  };
  /** Exports at once per account and in all, and how long one waits for a reader that stopped (EXPORTS_PER_USER, EXPORTS_TOTAL, EXPORT_STALL_SECONDS). */
  exports: ExportLimits;
}

/**
 * Whose X-Forwarded-For to believe (Express's `trust proxy`): nobody's, the last `n` hops (the
 * proxies in front of Chronicle), or the proxies' addresses and subnets (and proxy-addr's names
 * `loopback`, `linklocal`, `uniquelocal`). Never everyone's: see trustProxy() below.
 */
export type TrustProxy = false | number | string[];

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/** PUBLIC_READ: false (default), true (anonymous readers see every statement but its internal notes), or verified. */
function publicRead(env: NodeJS.ProcessEnv): PublicRead {
  const raw = (env.PUBLIC_READ ?? '').trim().toLowerCase();
  if (raw === 'verified') return 'verified';
  try {
    return flag(env, 'PUBLIC_READ', false) ? 'all' : false;
  } catch {
    throw new ConfigError(`PUBLIC_READ must be false, true or verified, got "${env.PUBLIC_READ}"`);
  }
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
const MAX_PROXY_HOPS = 10;

/** An address (192.0.2.7, 2001:db8::1) or a subnet (10.0.0.0/8, 10.0.0.0/255.0.0.0, 2001:db8::/32), as proxy-addr reads them. */
function isProxyAddress(entry: string): boolean {
  const [address, range, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (range === undefined) return true;
  if (/^\d+$/.test(range)) return Number(range) <= (family === 4 ? 32 : 128);
  return family === 4 && isIP(range) === 4;
}

/**
 * TRUST_PROXY. `true` (trust every hop) is refused: any client could then name the address
 * it is throttled by in X-Forwarded-For, and the per-address login limit would count nothing.
 */
function trustProxy(env: NodeJS.ProcessEnv): TrustProxy {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '' || raw.toLowerCase() === 'false' || raw === '0') return false;
  if (['true', 'yes', 'on'].includes(raw.toLowerCase())) {
    throw new ConfigError(
      `TRUST_PROXY=${raw} would believe any client's X-Forwarded-For, which then chooses the address its logins are throttled by: ` +
        'set the number of proxies in front of Chronicle (1 for one reverse proxy), or their addresses or subnets ' +
        '(loopback, 10.0.0.0/8, 192.0.2.7), comma-separated',
    );
  }
  if (/^\d+$/.test(raw)) {
    if (Number(raw) > MAX_PROXY_HOPS)
      throw new ConfigError(`TRUST_PROXY must be a number of proxies from 1 to ${MAX_PROXY_HOPS}, got "${raw}"`);
    return Number(raw);
  }
  const entries = raw.split(',').map((entry) => entry.trim());
  const wrong = entries.find((entry) => !PROXY_NAMES.includes(entry) && !isProxyAddress(entry));
  if (wrong !== undefined) {
    throw new ConfigError(
      `TRUST_PROXY must be a number of proxies, or addresses and subnets of proxies (${PROXY_NAMES.join(', ')}, 10.0.0.0/8, 192.0.2.7), ` +
        `comma-separated; "${wrong}" is neither`,
    );
  }
  return entries;
}

/** A count from 1 to `max`, or a ConfigError that says why `max` is the most. */
function count(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number, why: string): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max)
    throw new ConfigError(`${name} must be an integer between 1 and ${max} (${why}), got "${raw}"`);
  return Number(raw);
}

/**
 * EXPORTS_TOTAL, EXPORTS_PER_USER, EXPORT_STALL_SECONDS. Each export holds a database connection
 * while its client reads, so the total may take at most half the pool: the other half stays
 * for the rest of the API (export-limits.ts).
 */
function exportLimits(env: NodeJS.ProcessEnv, poolSize: number): ExportLimits {
  const defaults = defaultExportLimits(poolSize);
  const share = `half of DB_POOL_SIZE=${poolSize}: the other half stays for the rest of the API`;
  const total = count(env, 'EXPORTS_TOTAL', defaults.total, exportShareOfPool(poolSize), share);
  const perUser = count(env, 'EXPORTS_PER_USER', Math.min(defaults.perUser, total), total, `EXPORTS_TOTAL is ${total}`);
  const stallSeconds = integer(env, 'EXPORT_STALL_SECONDS', DEFAULT_EXPORT_STALL_SECONDS, 1, 3600);
  return { perUser, total, stallTimeoutMs: stallSeconds * 1000 };
}

function logLevel(env: NodeJS.ProcessEnv): LevelWithSilent {
  const raw = (env.LOG_LEVEL || 'info').toLowerCase();
  if (!(LOG_LEVELS as string[]).includes(raw))
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  return raw as LevelWithSilent;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const origins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  const publicUrl = env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : undefined;
  if (publicUrl !== undefined && !/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(publicUrl)) {
    throw new ConfigError(`PUBLIC_URL must be an http:// or https:// address without query or fragment, got "${env.PUBLIC_URL}"`);
  }
  const poolSize = integer(env, 'DB_POOL_SIZE', 10, 1, 200);
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    publicUrl,
    // Loopback by default: a team server says HOST=0.0.0.0 (the Docker image does).
    host: env.HOST || '127.0.0.1',
    databaseUrl,
    embedded: {
      dataDir: path.resolve(cwd, env.DATA_DIR || '.data'),
      port: integer(env, 'EMBEDDED_PG_PORT', 54329, 1, 65535),
    },
    seedOnFirstStart: flag(env, 'SEED_FIXTURES', true),
    corsOrigins: origins,
    auth: {
      publicRead: publicRead(env),
      sessionTtlHours: integer(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 90),
      oneTimePasswordTtlHours: integer(env, 'ONE_TIME_PASSWORD_TTL_HOURS', 72, 1, 24 * 90),
      adminEmail: env.ADMIN_EMAIL || undefined,
      adminPassword: env.ADMIN_PASSWORD || undefined,
    },
    trustProxy: trustProxy(env),
    logLevel: logLevel(env),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 100, 3_600_000),
    imports: {
      bodyLimitBytes: integer(env, 'IMPORT_BODY_LIMIT_MB', 200, 1, 10_000) * 1024 * 1024,
      waitMs: integer(env, 'IMPORT_WAIT_MS', 2000, 0, 600_000),
    },
    database: {
      poolSize,
      statementTimeoutMs: integer(env, 'DB_STATEMENT_TIMEOUT_MS', 30_000, 0, 3_600_000),
      connectionTimeoutMs: integer(env, 'DB_CONNECTION_TIMEOUT_MS', 5_000, 100, 600_000),
    },
    exports: exportLimits(env, poolSize),
  };
}
