import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { isDomainError } from '#core/shared/domain-error.ts';
import { CONFIG_VARIABLES, loadConfig } from './load-config.ts';

const runtime = { cwd: '/work/somewhere', osUser: 'os-user' };

describe('loadConfig: the data directory is one per user, never the current folder', () => {
  test('GONGKAI_DATA_DIR wins, relative to the working directory', () => {
    const config = loadConfig({ GONGKAI_DATA_DIR: 'd', HOME: '/home/a' }, runtime);
    assert.equal(config.files.dataDir, '/work/somewhere/d');
    assert.equal(config.files.dataDirIsDefault, false);
  });
  test('without it: $XDG_DATA_HOME/gongkai, else ~/.local/share/gongkai', () => {
    assert.equal(loadConfig({ XDG_DATA_HOME: '/x/data', HOME: '/home/a' }, runtime).files.dataDir, '/x/data/gongkai');
    const config = loadConfig({ HOME: '/home/a' }, runtime);
    assert.equal(config.files.dataDir, '/home/a/.local/share/gongkai');
    assert.equal(config.files.dataDirIsDefault, true);
    // A relative XDG_DATA_HOME is ignored, as the XDG specification says.
    assert.equal(loadConfig({ XDG_DATA_HOME: 'rel', HOME: '/home/a' }, runtime).files.dataDir, '/home/a/.local/share/gongkai');
  });
  test('no HOME and no GONGKAI_DATA_DIR is a configuration error, not the current folder', () => {
    assert.throws(
      () => loadConfig({}, runtime),
      (error) => isDomainError(error, 'CONFIG_INVALID') && /GONGKAI_DATA_DIR/.test(error.message),
    );
  });
});

describe('loadConfig: every variable checked, all problems in one Chinese message', () => {
  test('defaults', () => {
    const config = loadConfig({ HOME: '/home/a' }, runtime);
    assert.deepEqual(config.db, { url: null });
    assert.deepEqual(config.http, {
      host: '127.0.0.1',
      port: 8080,
      rateLimit: true,
      intakeRateLimit: { limit: 10, windowSeconds: 60 },
      legacyIntakeRateLimit: null,
      signInRateLimit: { limit: 5, windowSeconds: 300 },
      session: { idleSeconds: 1800, absoluteSeconds: 43200 },
      pageCacheMs: 1000,
      warmUp: true,
    });
    assert.equal(config.actor, 'os-user');
    assert.ok(Object.isFrozen(config) && Object.isFrozen(config.http));
  });
  test('given values', () => {
    const config = loadConfig(
      {
        HOME: '/home/a',
        DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
        GONGKAI_HOST: '0.0.0.0',
        GONGKAI_PORT: '0',
        GONGKAI_RATE_LIMIT: 'off',
        GONGKAI_INTAKE_RATE_LIMIT: '30 / 3600',
        GONGKAI_SIGNIN_RATE_LIMIT: '3/600',
        GONGKAI_SESSION_IDLE: '15',
        GONGKAI_SESSION_MAX: '8',
        GONGKAI_PAGE_CACHE: '1500',
        GONGKAI_WARMUP: 'OFF',
        GONGKAI_USER: ' 管理员甲 ',
      },
      runtime,
    );
    assert.equal(config.db.url, 'postgres://postgres@127.0.0.1:5432/test');
    assert.deepEqual(config.http, {
      host: '0.0.0.0',
      port: 0,
      rateLimit: false,
      intakeRateLimit: { limit: 30, windowSeconds: 3600 },
      legacyIntakeRateLimit: '30/3600',
      signInRateLimit: { limit: 3, windowSeconds: 600 },
      session: { idleSeconds: 900, absoluteSeconds: 28800 },
      pageCacheMs: 1500,
      warmUp: false,
    });
    assert.equal(loadConfig({ HOME: '/h', GONGKAI_PAGE_CACHE: 'OFF' }, runtime).http.pageCacheMs, 0);
    assert.equal(loadConfig({ HOME: '/h', GONGKAI_PAGE_CACHE: '250' }, runtime).http.pageCacheMs, 250);
    for (const [name, value] of [
      ['GONGKAI_SIGNIN_RATE_LIMIT', '5'],
      ['GONGKAI_SESSION_IDLE', '0'],
      ['GONGKAI_SESSION_MAX', 'forever'],
      ['GONGKAI_PAGE_CACHE', '60001'],
      ['GONGKAI_PAGE_CACHE', '-1'],
      ['GONGKAI_WARMUP', 'no'],
    ] as const) {
      assert.throws(
        () => loadConfig({ HOME: '/h', [name]: value }, runtime),
        (error) => isDomainError(error, 'CONFIG_INVALID') && error.message.includes(name),
        name,
      );
    }
    assert.throws(
      () => loadConfig({ HOME: '/h', GONGKAI_INTAKE_RATE_LIMIT: '0/60' }, runtime),
      (error) => isDomainError(error, 'CONFIG_INVALID'),
    );
    assert.equal(config.actor, '管理员甲');
    assert.equal(loadConfig({ HOME: '/h', PORT: '9000' }, runtime).http.port, 9000);
  });
  test('three bad variables are three lines of one CONFIG_INVALID error', () => {
    assert.throws(
      () => loadConfig({ HOME: '/h', DATABASE_URL: 'mysql://x/y', GONGKAI_PORT: '70000', GONGKAI_RATE_LIMIT: 'maybe' }, runtime),
      (error) =>
        isDomainError(error, 'CONFIG_INVALID') &&
        /DATABASE_URL/.test(error.message) &&
        /GONGKAI_PORT/.test(error.message) &&
        /GONGKAI_RATE_LIMIT/.test(error.message) &&
        (error.details['problems'] as string[]).length === 3,
    );
  });
});

test("README's configuration table documents every variable loadConfig reads", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const source = readFileSync(new URL('./load-config.ts', import.meta.url), 'utf8');
  const read = new Set([...source.matchAll(/set\(env, '([A-Z_]+)'\)/g)].map((m) => m[1]));
  const documented = new Set(CONFIG_VARIABLES.map((v) => v.name as string));
  assert.ok(read.size >= 6);
  for (const name of read) {
    assert.ok(documented.has(name!), `${name} is read but not in CONFIG_VARIABLES`);
  }
  for (const name of documented) {
    assert.ok(readme.includes(`| \`${name}\``), `README has no row for ${name}`);
  }
});
