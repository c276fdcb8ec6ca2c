// Compile benchmark of issue #7: `compileAnnualReport` (tables 三 and 四 in one SQL aggregation,
// table 二 and narrative, validation) over N generated cases of one agency, as a ratio to a bare
// `GROUP BY applicant_type` count over the same rows, measured in the same run (median of rounds).
// Engines: embedded (PGlite child process) always; PostgreSQL when DATABASE_URL is set (own
// database, dropped after). Rows are generated in SQL (generate_series): the benchmark measures the
// compile, not the intake.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createCaseStore } from '#adapters/db/case-store.ts';
import { type Database, openDatabase } from '#adapters/db/open-database.ts';
import { agencies } from '#adapters/db/schema/agencies.ts';
import { compileAnnualReport } from '#app/cases/compile-annual-report.ts';
import { OUTCOME_CODES } from '#core/cases/outcome-codes.ts';

export interface Out {
  readonly out: (text: string) => void;
}

const YEAR = 2025;
const ROUNDS = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function timed(rounds: number, work: () => Promise<unknown>): Promise<number> {
  await work(); // warm-up: plans, caches
  const times: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** N cases received over two years; ~85 % closed with an outcome spread over the 21 codes. */
async function generateCases(database: Database, agencyId: number, count: number): Promise<void> {
  const outcomes = sql.raw(`array[${OUTCOME_CODES.map((c) => `'${c}'`).join(',')}]`);
  const batch = 100_000;
  for (let from = 1; from <= count; from += batch) {
    const to = Math.min(count, from + batch - 1);
    await database.db.execute(sql`
      insert into cases (agency_id, case_code, verification_hash, channel, applicant_type, received_on, status, is_open,
                         due, clock_state, outcome, closed_on, replied_on, event_count)
      select ${agencyId}, 'B' || i, 'x', 'online',
             (array['natural_person','natural_person','natural_person','commercial_enterprise','research_institution',
                    'public_interest_org','legal_service_org','other_org'])[1 + i % 8],
             date '2024-01-01' + (i % 730),
             case when i % 7 = 0 then 'processing' else 'replied' end,
             i % 7 = 0,
             date '2024-01-01' + (i % 730) + 28,
             case when i % 7 = 0 then 'on_time' else 'closed' end,
             case when i % 7 = 0 then null else (${outcomes})[1 + (i / 7) % ${OUTCOME_CODES.length}] end,
             case when i % 7 = 0 then null else date '2024-01-01' + (i % 730) + (i % 30) end,
             case when i % 7 = 0 then null else date '2024-01-01' + (i % 730) + (i % 30) end,
             2
      from generate_series(${from}::int, ${to}::int) as i`);
  }
  await database.db.execute(sql`analyze cases`);
}

async function benchEngine(engine: string, database: Database, count: number, output: Out): Promise<void> {
  const [agency] = await database.db.insert(agencies).values({ slug: 'bench-compile', name: '汇编基准局' }).returning({ id: agencies.id });
  const agencyId = agency?.id as number;
  const loadStart = performance.now();
  await generateCases(database, agencyId, count);
  const loadMs = performance.now() - loadStart;
  const deps = { cases: createCaseStore(database.db), clock: { now: () => new Date('2026-03-02T02:00:00Z') } };
  let findings = 0;
  const compileMs = await timed(ROUNDS, async () => {
    const compiled = await compileAnnualReport(deps, { agencySlug: 'bench-compile', year: YEAR });
    findings = compiled.analysis.reading.findings.length;
  });
  const bareMs = await timed(ROUNDS, () =>
    database.pool.query(
      `select applicant_type, count(*)::int from cases where agency_id = $1 and received_on <= $2::date
         and (closed_on is null or closed_on >= $3::date) group by applicant_type`,
      [agencyId, `${YEAR}-12-31`, `${YEAR}-01-01`],
    ),
  );
  output.out(
    [
      `\n[${engine}] ${count.toLocaleString('en')} cases (generated in ${(loadMs / 1000).toFixed(1)} s)`,
      `  compile ${YEAR} report      ${compileMs.toFixed(0)} ms (median of ${ROUNDS}; ${findings} findings)`,
      `  bare GROUP BY            ${bareMs.toFixed(0)} ms`,
      `  ratio                    ${(compileMs / bareMs).toFixed(2)}×   (goal ≤ 1.5×${engine === 'postgresql' ? ', < 1 s' : ''}: ${compileMs / bareMs <= 1.5 && (engine !== 'postgresql' || compileMs < 1000) ? 'met' : 'NOT met'})`,
    ].join('\n'),
  );
  output.out('\n');
}

export async function runCompileBenchmark(output: Out): Promise<void> {
  const embeddedCount = Number(process.env['GONGKAI_BENCH_EMBEDDED_CASES'] ?? 200_000);
  const pgCount = Number(process.env['GONGKAI_BENCH_CASES'] ?? 1_000_000);
  output.out(`gongkai compile benchmark (issue #7): compileAnnualReport vs a bare GROUP BY on the same rows\n`);
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-compile-'));
  const embedded = await openDatabase({ url: null, dataDir: dir, holdEmbeddedServer: true, poolSize: 1 });
  try {
    await benchEngine('embedded', embedded, embeddedCount, output);
  } finally {
    await embedded.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const adminUrl = process.env['DATABASE_URL'];
  if (adminUrl === undefined) {
    output.out('\n[postgresql] skipped: DATABASE_URL not set\n');
    return;
  }
  const name = `gongkai_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString(), dataDir: tmpdir() });
    try {
      await benchEngine('postgresql', database, pgCount, output);
    } finally {
      await database.close();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
