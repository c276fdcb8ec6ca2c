// A server taking 1,000 concurrent applications is killed with SIGKILL mid-run (its embedded
// database child too), restarted on the same data, and every application it acknowledged with 201
// is there, with no duplicate case codes (issue #7, "Acknowledged = committed"). Embedded engine
// always; PostgreSQL too when DATABASE_URL is set (in a database of its own, dropped afterwards).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { intakeBody, listedCaseCodes, type Submission, submitConcurrently } from './intake-load.ts';
import { killEmbeddedDatabase, prepareAgency, startServerProcess } from './server-process.ts';

const COUNT = 1000;
const AGENCY = 'kill-test';

/** The acknowledgement on which the power goes: after the first batches, with most still in flight. */
const KILL_AT = Math.floor(COUNT / 10);
/**
 * Runs in which every submission was acknowledged before the kill took effect test nothing: the
 * client (on the same cores) may read the 100th answer only after the server has sent them all.
 * Such a run is repeated on the same data, up to this many runs.
 */
const RUNS = 4;

/** Starts a server, submits COUNT applications and kills it (and its database child) on the KILL_AT-th 201. */
async function submitAndKill(env: NodeJS.ProcessEnv): Promise<Submission[]> {
  const first = await startServerProcess({ env });
  let killing: Promise<void> | undefined;
  const submissions = await submitConcurrently(first.url, AGENCY, COUNT, (acknowledged) => {
    if (acknowledged === KILL_AT) {
      // The whole machine "loses power": the server first (kill9 signals synchronously), then the
      // embedded database process too.
      killing = first.kill9();
      if (env['DATABASE_URL'] === undefined) {
        killEmbeddedDatabase(env['GONGKAI_DATA_DIR'] as string);
      }
    }
  });
  await (killing ?? first.kill9());
  for (const s of submissions) {
    assert.ok(
      s.status === 201 || s.status === 'error',
      `submission ${s.index} answered ${s.status}; server said:\n${defects(first.output())}`,
    );
  }
  return submissions;
}

async function killMidRun(env: NodeJS.ProcessEnv): Promise<void> {
  const token = await prepareAgency(env, AGENCY, '断电测试局');
  const acked: Submission[] = [];
  let cut = false;
  for (let run = 1; run <= RUNS && !cut; run++) {
    const submissions = await submitAndKill(env);
    const ok = submissions.filter((s) => s.status === 201);
    assert.ok(ok.length >= KILL_AT, `only ${ok.length} acknowledged before the kill`);
    acked.push(...ok);
    cut = ok.length < COUNT;
  }
  assert.ok(cut, `in ${RUNS} runs the kill came after every submission was acknowledged: nothing was tested`);

  const second = await startServerProcess({ env, timeoutMs: 120_000 });
  try {
    const codes = await listedCaseCodes(second.url, token, AGENCY);
    assert.equal(new Set(codes).size, codes.length, 'duplicate case codes after restart');
    const stored = new Set(codes);
    const lost = acked.filter((s) => !stored.has(s.caseCode as string));
    assert.deepEqual(
      lost.map((s) => s.caseCode),
      [],
      `${lost.length} of ${acked.length} acknowledged applications lost`,
    );
    // The applicant's own view agrees (status lookup with the verification code), for a sample.
    for (const s of acked.slice(0, 20)) {
      const response = await fetch(`${second.url}/api/applications/${s.caseCode}?v=${s.verificationCode}`);
      assert.equal(response.status, 200);
    }
    // The server serves the public portal beside the API (one app, src/main.ts).
    const home = await fetch(`${second.url}/${AGENCY}/`);
    assert.equal(home.status, 200);
    assert.match(home.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await home.text(), /断电测试局[\s\S]*依申请公开/u);
    // And the restarted server takes applications again.
    const again = await fetch(`${second.url}/api/agencies/${AGENCY}/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(intakeBody(COUNT)),
    });
    assert.equal(again.status, 201);
    const { caseCode } = (await again.json()) as { caseCode: string };
    assert.ok(!stored.has(caseCode), 'a new application reused a stored case code');
  } finally {
    await second.stop();
  }
  // The request log (one JSON line per request, written a turn later in one write) reached stderr.
  assert.match(second.output(), /"method":"POST","route":"\/api\/agencies\/:slug\/applications","status":201/);
}

/** The server's defect log lines (500s), for a failure message. */
const defects = (output: string) =>
  output
    .split('\n')
    .filter((line) => line.includes('"defect"'))
    .slice(0, 3)
    .join('\n');

function baseEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GONGKAI_DATA_DIR: dataDir, GONGKAI_RATE_LIMIT: 'off', GONGKAI_USER: 'kill-test' };
  delete env['DATABASE_URL'];
  return env;
}

describe('kill -9 during intake', { concurrency: false }, () => {
  const dirs: string[] = [];
  after(() => {
    for (const dir of dirs) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test(`embedded: ${COUNT} concurrent applications, SIGKILL, restart, nothing acknowledged lost`, { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-kill-'));
    dirs.push(dir);
    await killMidRun(baseEnv(dir));
  });

  const adminUrl = process.env['DATABASE_URL'];
  test(`PostgreSQL: ${COUNT} concurrent applications, SIGKILL, restart, nothing acknowledged lost`, {
    skip: adminUrl === undefined ? 'DATABASE_URL not set' : false,
    timeout: 240_000,
  }, async () => {
    const name = `gongkai_kill_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-kill-pg-'));
    dirs.push(dir);
    try {
      const url = new URL(adminUrl as string);
      url.pathname = `/${name}`;
      await killMidRun({ ...baseEnv(dir), DATABASE_URL: url.toString() });
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
