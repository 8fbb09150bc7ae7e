/**
 * The server's settings, from command-line flags (`--name=value` or `--name value`) over
 * environment variables over defaults. Paths default to the repository's `data/` and
 * `dist/app/`, wherever the command runs from.
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { ACTIVATION_SCENARIOS, type ActivationScenario } from '../../src/domain/codes.js';

export interface ServerConfig {
  /** The address the site (page + API) listens on. Default 127.0.0.1. */
  readonly host: string;
  /** Default 4173 (`PORT`); 0 picks a free port. */
  readonly port: number;
  /** The admin listener, always on 127.0.0.1: default `port + 1`; 0 picks a free port; -1 turns it off. */
  readonly adminPort: number;
  /** Holds esim.db and secret.key. Default `<repo>/data`. */
  readonly dataDir: string;
  /** The built standalone page to serve at `/`; null serves the API only. Default `<repo>/dist/app`. */
  readonly staticDir: string | null;
  /** Origins allowed to call the API with the session (CORS and the CSRF Origin check), besides the server's own. */
  readonly allowedOrigins: readonly string[];
  /** Trust `X-Forwarded-*` from a reverse proxy (for the client address and HTTPS). */
  readonly trustProxy: boolean;
  /** How long a session lasts, in seconds. Default 1800. */
  readonly sessionTtlSeconds: number;
  /** How a paid plan goes live. Default `delayed`. */
  readonly activation: ActivationScenario;
  /** For `delayed`: seconds from payment to live. Default 5. */
  readonly activationDelaySeconds: number;
  /** Failed sign-ins in a row for one identity before a lock-out. Default 5. */
  readonly signInMaxFailures: number;
  /** Failed sign-ins in a row from one client address before a lock-out. Default 20. */
  readonly signInMaxFailuresPerAddress: number;
  /** Seconds a lock-out lasts. Default 60. */
  readonly signInLockoutSeconds: number;
  /**
   * The demo, as `npm start` runs it (`--demo`): the page says it is a demo server, and a konbini
   * voucher counts as paid `voucherDelaySeconds` after it was issued. Off by default.
   */
  readonly demo: boolean;
  /** With `demo`: seconds until a voucher counts as paid (`--voucher-delay`, default 20); -1 leaves it to the CLI and the admin endpoint. */
  readonly voucherDelaySeconds: number;
  /** Enables `POST /admin/faults` (tests only). Never on by default. */
  readonly testFaults: boolean;
  /** pino level. Default `info`. */
  readonly logLevel: string;
}

/** The repository root: this file is server/src/config.ts, or server/dist/server/src/config.js once built. */
export const REPO_ROOT = (() => {
  const here = fileURLToPath(new URL('.', import.meta.url));
  return resolve(here, /[\\/]dist[\\/]server[\\/]src[\\/]?$/.test(here) ? '../../../..' : '../..');
})();

export function defaultConfig(): ServerConfig {
  return {
    host: '127.0.0.1',
    port: 4173,
    adminPort: 4174,
    dataDir: resolve(REPO_ROOT, 'data'),
    staticDir: resolve(REPO_ROOT, 'dist/app'),
    allowedOrigins: [],
    trustProxy: false,
    sessionTtlSeconds: 1800,
    activation: 'delayed',
    activationDelaySeconds: 5,
    signInMaxFailures: 5,
    signInMaxFailuresPerAddress: 20,
    signInLockoutSeconds: 60,
    demo: false,
    voucherDelaySeconds: 20,
    testFaults: false,
    logLevel: 'info',
  };
}

/** Flags: `--port`, `--host`, `--admin-port`, `--data-dir`, `--static-dir` (`none`), `--allowed-origins` (comma-separated), `--trust-proxy`, `--session-ttl`, `--activation`, `--activation-delay`, `--signin-lockout`, `--demo`, `--voucher-delay`, `--test-faults`, `--log-level`. */
export function loadConfig(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): { config: ServerConfig; rest: string[]; flags: ReadonlyMap<string, string> } {
  const flags = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) {
      rest.push(arg);
      continue;
    }
    const [, name, value] = m;
    if (value !== undefined) flags.set(name!, value);
    else if (BOOLEAN_FLAGS.has(name!)) flags.set(name!, 'true');
    else if (argv[i + 1] !== undefined) flags.set(name!, argv[++i]!);
    else throw new Error(`--${name} needs a value`);
  }
  for (const name of flags.keys()) if (!KNOWN_FLAGS.has(name)) throw new Error(`unknown flag --${name}`);

  const d = defaultConfig();
  const pick = (flag: string, envName: string | null): string | undefined => flags.get(flag) ?? (envName ? env[envName] : undefined);
  const int = (flag: string, envName: string | null, fallback: number, min = 0): number => {
    const v = pick(flag, envName);
    if (v === undefined || v === '') return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${flag} must be an integer ≥ ${min}, not ${JSON.stringify(v)}`);
    return n;
  };
  const bool = (flag: string, envName: string | null): boolean => ['1', 'true', 'yes'].includes((pick(flag, envName) ?? '').toLowerCase());

  // Relative paths are the caller's: under `npm run … -w server` that is INIT_CWD, not server/.
  const cwd = env.INIT_CWD ?? process.cwd();
  const port = int('port', 'PORT', d.port);
  const activation = pick('activation', 'ESIM_ACTIVATION') ?? d.activation;
  if (!(ACTIVATION_SCENARIOS as readonly string[]).includes(activation)) throw new Error(`--activation must be one of ${ACTIVATION_SCENARIOS.join(', ')}`);
  const staticDir = pick('static-dir', 'ESIM_STATIC_DIR');
  const origins = (pick('allowed-origins', 'ESIM_ALLOWED_ORIGINS') ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const o of origins) {
    if (new URL(o).origin !== o) throw new Error(`--allowed-origins: ${o} is not an origin (scheme://host[:port], no path)`);
  }
  return {
    config: {
      host: pick('host', 'HOST') ?? d.host,
      port,
      adminPort: int('admin-port', 'ADMIN_PORT', port === 0 ? 0 : port + 1, -1),
      dataDir: resolve(cwd, pick('data-dir', 'ESIM_DATA_DIR') ?? d.dataDir),
      staticDir: staticDir === 'none' ? null : staticDir ? resolve(cwd, staticDir) : d.staticDir,
      allowedOrigins: origins,
      trustProxy: bool('trust-proxy', 'TRUST_PROXY'),
      sessionTtlSeconds: int('session-ttl', 'ESIM_SESSION_TTL', d.sessionTtlSeconds, 1),
      activation: activation as ActivationScenario,
      activationDelaySeconds: int('activation-delay', 'ESIM_ACTIVATION_DELAY', d.activationDelaySeconds),
      signInMaxFailures: d.signInMaxFailures,
      signInMaxFailuresPerAddress: d.signInMaxFailuresPerAddress,
      signInLockoutSeconds: int('signin-lockout', 'ESIM_SIGNIN_LOCKOUT', d.signInLockoutSeconds, 1),
      demo: bool('demo', 'ESIM_DEMO'),
      voucherDelaySeconds: int('voucher-delay', 'ESIM_VOUCHER_DELAY', d.voucherDelaySeconds, -1),
      testFaults: bool('test-faults', null),
      logLevel: pick('log-level', 'LOG_LEVEL') ?? d.logLevel,
    },
    rest,
    flags,
  };
}

const BOOLEAN_FLAGS = new Set(['trust-proxy', 'test-faults', 'demo']);
const KNOWN_FLAGS = new Set([
  'port',
  'host',
  'admin-port',
  'data-dir',
  'static-dir',
  'allowed-origins',
  'trust-proxy',
  'session-ttl',
  'activation',
  'activation-delay',
  'signin-lockout',
  'demo',
  'voucher-delay',
  'test-faults',
  'log-level',
  'out',
]);
