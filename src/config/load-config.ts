// Configuration, parsed once per process (style.md, Configuration): every environment variable
// gongkai reads is in CONFIG_VARIABLES below (the README's configuration table repeats it), parsed
// and checked here, all problems reported together in one Chinese message. Only entry points
// (src/main.ts, src/cli/main.ts) call loadConfig; everything else receives the frozen result or
// what the composition root built from it. Holidays, statutory periods and fee tiers are never
// configuration; the spec's conventions are settings (`gongkai settings`).
import { isAbsolute, join, resolve } from 'node:path';
import { parseRateLimitValue } from '#core/intake/rate-limit-setting.ts';
import { DomainError } from '#core/shared/domain-error.ts';

/** The documentation of every variable: name, default, meaning (tested against the README's table). */
export const CONFIG_VARIABLES = [
  {
    name: 'GONGKAI_DATA_DIR',
    default: '$XDG_DATA_HOME/gongkai, else ~/.local/share/gongkai',
    meaning: 'data directory: settings, calendar changes, later the embedded database and files (one per user, never the current folder)',
  },
  { name: 'GONGKAI_USER', default: 'the OS user', meaning: 'who the CLI records as the author of settings and calendar changes' },
  {
    name: 'DATABASE_URL',
    default: 'unset: embedded database under GONGKAI_DATA_DIR',
    meaning: 'PostgreSQL connection string (postgres://…)',
  },
  { name: 'GONGKAI_HOST', default: '127.0.0.1', meaning: 'address the server listens on (`serve --host` overrides)' },
  {
    name: 'GONGKAI_PORT',
    default: '8080 (or PORT when set)',
    meaning: 'port the server listens on, 0 = any free port (`serve --port` overrides)',
  },
  {
    name: 'GONGKAI_RATE_LIMIT',
    default: 'on',
    meaning: '`off` turns every rate limit off (public intake API and form, console sign-in; load tests)',
  },
  {
    name: 'GONGKAI_SIGNIN_RATE_LIMIT',
    default: '5/300',
    meaning: 'console sign-in: N failed attempts per username per SECONDS (`N/SECONDS`); 4×N per client address',
  },
  {
    name: 'GONGKAI_SESSION_IDLE',
    default: '30',
    meaning: 'minutes a console session may stay unused before it ends',
  },
  {
    name: 'GONGKAI_SESSION_MAX',
    default: '12',
    meaning: 'hours after sign-in a console session ends however it is used',
  },
  {
    name: 'GONGKAI_PAGE_CACHE',
    default: '1000',
    meaning:
      'milliseconds the server keeps a public portal page (agency homes, 年度报告 pages) to answer the next views from memory (0–60000; `off` = 0); any change through this server empties it',
  },
  {
    name: 'GONGKAI_WARMUP',
    default: 'on',
    meaning:
      'before /healthz says ok the server runs a few hundred synthetic applications through the whole intake in a transaction it rolls back (nothing is written), so the first requests find optimised code; `off` skips it',
  },
  {
    name: 'GONGKAI_INTAKE_RATE_LIMIT',
    default: '(unset)',
    meaning:
      'deprecated: the intake limit is the setting `intake.rate-limit` (`letter settings set`, per agency); when set, the first server start copies it into the instance default once (recorded in the settings history), later it is ignored with a warning',
  },
  {
    name: 'GONGKAI_READ_TIMEOUT',
    default: '20',
    meaning:
      'seconds one report file may take to read (`report read/check`); past it the file is unreadable with its reason and the batch goes on',
  },
  {
    name: 'GONGKAI_ATTACHMENT_MAX_BYTES',
    default: '20M',
    meaning: 'largest accepted attachment file: bytes, or with K/M suffix (`20M`); at most 100M',
  },
  { name: 'GONGKAI_ATTACHMENT_MAX_FILES', default: '10', meaning: 'most attachments one case may have (1–50)' },
  { name: 'XDG_DATA_HOME', default: '~/.local/share', meaning: 'read only to place the default data directory' },
  { name: 'HOME', default: '(from the OS)', meaning: 'read only to place the default data directory' },
] as const;

export interface Config {
  readonly files: {
    /** Absolute data directory. */
    readonly dataDir: string;
    /** True when GONGKAI_DATA_DIR was not given and the per-user default applies. */
    readonly dataDirIsDefault: boolean;
  };
  readonly db: {
    /** PostgreSQL connection string, or null for the embedded database under files.dataDir. */
    readonly url: string | null;
  };
  readonly http: {
    readonly host: string;
    readonly port: number;
    /** Whether the public intake is rate limited (GONGKAI_RATE_LIMIT=off turns it off). */
    readonly rateLimit: boolean;
    /** The intake limit until the database answers (the old GONGKAI_INTAKE_RATE_LIMIT, else 10 per 60 s). */
    readonly intakeRateLimit: { readonly limit: number; readonly windowSeconds: number };
    /** GONGKAI_INTAKE_RATE_LIMIT as `N/SECONDS` when set (deprecated: imported once into the setting intake.rate-limit). */
    readonly legacyIntakeRateLimit: string | null;
    /** Failed console sign-ins per username (4× per address) and window (GONGKAI_SIGNIN_RATE_LIMIT, default 5 per 300 s). */
    readonly signInRateLimit: { readonly limit: number; readonly windowSeconds: number };
    /** Console session lifetime: idle (GONGKAI_SESSION_IDLE minutes) and absolute (GONGKAI_SESSION_MAX hours), in seconds. */
    readonly session: { readonly idleSeconds: number; readonly absoluteSeconds: number };
    /** How long a shared public page is kept by the server's page cache (GONGKAI_PAGE_CACHE, ms; 0 = off). */
    readonly pageCacheMs: number;
    /** Whether the server warms the intake up before /healthz says ok (GONGKAI_WARMUP, default on; src/warm-up.ts). */
    readonly warmUp: boolean;
  };
  /** Upload limits of attachments (issues #7, #8); the blobs live under files.dataDir/blobs. */
  readonly attachments: {
    readonly maxBytes: number;
    readonly maxFiles: number;
  };
  readonly reports: {
    /** Time budget for reading one report file, in milliseconds (GONGKAI_READ_TIMEOUT, seconds). */
    readonly readTimeoutMs: number;
  };
  /** Who CLI changes are recorded as. */
  readonly actor: string;
}

/** What only the process knows: its working directory (relative paths) and the OS user name. */
export interface ConfigRuntime {
  readonly cwd: string;
  readonly osUser?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

const set = (env: Env, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

/**
 * Parses the environment into a frozen Config; every problem is listed in one DomainError
 * CONFIG_INVALID (exit 78).
 *
 * @example
 * const config = loadConfig({ GONGKAI_DATA_DIR: "/srv/gongkai" }, { cwd: "/" });
 */
export function loadConfig(env: Env, runtime: ConfigRuntime): Config {
  const problems: string[] = [];

  const configuredDir = set(env, 'GONGKAI_DATA_DIR');
  let dataDir = '';
  if (configuredDir !== undefined) {
    dataDir = resolve(runtime.cwd, configuredDir);
  } else {
    // XDG Base Directory: $XDG_DATA_HOME if absolute, else $HOME/.local/share. Never the current
    // folder: the same command must give the same deadline wherever it runs.
    const xdg = set(env, 'XDG_DATA_HOME');
    const home = set(env, 'HOME');
    if (xdg !== undefined && isAbsolute(xdg)) {
      dataDir = join(xdg, 'gongkai');
    } else if (home !== undefined && isAbsolute(home)) {
      dataDir = join(home, '.local', 'share', 'gongkai');
    } else {
      problems.push('无法确定数据目录：未设置 HOME（或 XDG_DATA_HOME），请用 GONGKAI_DATA_DIR 指定数据目录');
    }
  }

  const url = set(env, 'DATABASE_URL') ?? null;
  if (url !== null && !isPostgresUrl(url)) {
    problems.push('DATABASE_URL 应为 PostgreSQL 连接串，如 postgres://用户@主机:5432/数据库');
  }

  const host = set(env, 'GONGKAI_HOST') ?? '127.0.0.1';
  if (/\s|\//.test(host)) {
    problems.push(`GONGKAI_HOST 应为主机名或 IP 地址，收到“${host}”`);
  }
  const portName = set(env, 'GONGKAI_PORT') !== undefined ? 'GONGKAI_PORT' : 'PORT';
  const portText = set(env, portName) ?? '8080';
  const port = Number(portText);
  if (!/^\d{1,5}$/.test(portText) || port > 65535) {
    problems.push(`${portName} 应为 0 至 65535 之间的整数，收到“${portText}”`);
  }

  const rateLimitText = (set(env, 'GONGKAI_RATE_LIMIT') ?? 'on').toLowerCase();
  if (rateLimitText !== 'on' && rateLimitText !== 'off') {
    problems.push(`GONGKAI_RATE_LIMIT 应为 on 或 off，收到“${rateLimitText}”`);
  }

  const legacyText = set(env, 'GONGKAI_INTAKE_RATE_LIMIT');
  const intakeText = legacyText?.replace(/\s+/g, '') ?? '10/60';
  const parsedIntake = parseRateLimitValue(intakeText);
  const intakeRateLimit = typeof parsedIntake === 'object' ? parsedIntake : { limit: 10, windowSeconds: 60 };
  if (typeof parsedIntake !== 'object') {
    problems.push(`GONGKAI_INTAKE_RATE_LIMIT 应为“次数/秒数”，如 10/60，收到“${legacyText}”（该变量已弃用：请改用设置 intake.rate-limit）`);
  }

  const signInText = set(env, 'GONGKAI_SIGNIN_RATE_LIMIT') ?? '5/300';
  const signInMatch = /^(\d{1,6})\/(\d{1,6})$/.exec(signInText.replace(/\s+/g, ''));
  const signInRateLimit = { limit: Number(signInMatch?.[1] ?? 0), windowSeconds: Number(signInMatch?.[2] ?? 0) };
  if (signInRateLimit.limit < 1 || signInRateLimit.windowSeconds < 1) {
    problems.push(`GONGKAI_SIGNIN_RATE_LIMIT 应为“次数/秒数”，如 5/300，收到“${signInText}”`);
  }
  const idleText = set(env, 'GONGKAI_SESSION_IDLE') ?? '30';
  const idleMinutes = Number(idleText);
  if (!/^\d{1,6}$/.test(idleText) || idleMinutes < 1) {
    problems.push(`GONGKAI_SESSION_IDLE 应为会话闲置多少分钟后失效（正整数），收到“${idleText}”`);
  }
  const maxText = set(env, 'GONGKAI_SESSION_MAX') ?? '12';
  const maxHours = Number(maxText);
  if (!/^\d{1,5}$/.test(maxText) || maxHours < 1) {
    problems.push(`GONGKAI_SESSION_MAX 应为登录后最多多少小时会话失效（正整数），收到“${maxText}”`);
  }

  const pageCacheText = (set(env, 'GONGKAI_PAGE_CACHE') ?? '1000').toLowerCase();
  const pageCacheMs = pageCacheText === 'off' ? 0 : Number(pageCacheText);
  if (pageCacheText !== 'off' && (!/^\d{1,5}$/.test(pageCacheText) || pageCacheMs > 60000)) {
    problems.push(`GONGKAI_PAGE_CACHE 应为公开页面在内存中保留的毫秒数（0 至 60000，或 off），收到“${pageCacheText}”`);
  }

  const warmUpText = (set(env, 'GONGKAI_WARMUP') ?? 'on').toLowerCase();
  if (warmUpText !== 'on' && warmUpText !== 'off') {
    problems.push(`GONGKAI_WARMUP 应为 on 或 off，收到“${warmUpText}”`);
  }

  const timeoutText = set(env, 'GONGKAI_READ_TIMEOUT') ?? '20';
  const timeout = Number(timeoutText);
  if (!/^\d+(?:\.\d+)?$/.test(timeoutText) || timeout <= 0 || timeout > 86400) {
    problems.push(`GONGKAI_READ_TIMEOUT 应为读取一个报告文件最多用的秒数（大于 0，不超过 86400），收到“${timeoutText}”`);
  }

  const maxBytesText = (set(env, 'GONGKAI_ATTACHMENT_MAX_BYTES') ?? '20M').replace(/\s+/g, '');
  const maxBytesMatch = /^(\d{1,9})([KkMm])?[Bb]?$/.exec(maxBytesText);
  const unit = maxBytesMatch?.[2]?.toLowerCase();
  const maxBytes = maxBytesMatch === null ? 0 : Number(maxBytesMatch[1]) * (unit === 'm' ? 1024 * 1024 : unit === 'k' ? 1024 : 1);
  if (maxBytes < 1024 || maxBytes > 100 * 1024 * 1024) {
    problems.push(`GONGKAI_ATTACHMENT_MAX_BYTES 应为 1K 至 100M 之间的字节数（如 20M），收到“${maxBytesText}”`);
  }
  const maxFilesText = set(env, 'GONGKAI_ATTACHMENT_MAX_FILES') ?? '10';
  const maxFiles = /^\d{1,3}$/.test(maxFilesText) ? Number(maxFilesText) : 0;
  if (maxFiles < 1 || maxFiles > 50) {
    problems.push(`GONGKAI_ATTACHMENT_MAX_FILES 应为 1 至 50 之间的整数，收到“${maxFilesText}”`);
  }

  // The author of recorded changes is one line of text: a line break in it could pass for another
  // history entry when the history is printed.
  const actor = set(env, 'GONGKAI_USER');
  if (actor !== undefined && /[\u0000-\u001f\u007f\u2028\u2029]/u.test(actor)) {
    problems.push('GONGKAI_USER 不能包含换行或其他控制字符');
  }

  if (problems.length > 0) {
    throw new DomainError('CONFIG_INVALID', `配置有误（环境变量）：\n  ${problems.join('\n  ')}`, { problems });
  }
  return Object.freeze({
    files: Object.freeze({ dataDir, dataDirIsDefault: configuredDir === undefined }),
    db: Object.freeze({ url }),
    http: Object.freeze({
      host,
      port,
      rateLimit: rateLimitText === 'on',
      intakeRateLimit: Object.freeze(intakeRateLimit),
      legacyIntakeRateLimit: legacyText === undefined ? null : intakeText,
      signInRateLimit: Object.freeze(signInRateLimit),
      session: Object.freeze({ idleSeconds: idleMinutes * 60, absoluteSeconds: maxHours * 3600 }),
      pageCacheMs,
      warmUp: warmUpText === 'on',
    }),
    attachments: Object.freeze({ maxBytes, maxFiles }),
    reports: Object.freeze({ readTimeoutMs: Math.round(timeout * 1000) }),
    actor: set(env, 'GONGKAI_USER') ?? runtime.osUser ?? 'unknown',
  });
}

function isPostgresUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'postgres:' || url.protocol === 'postgresql:';
  } catch {
    return false;
  }
}
