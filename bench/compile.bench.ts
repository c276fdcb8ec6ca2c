// `npm run bench:compile`: issue #7's compile benchmark. Tables 三/四 of one agency-year from ONE
// aggregation (count(*) FILTER … per outcome) over N generated cases, against a bare GROUP BY on the
// same table in the same run (goal ≤ 1.5×, under 1 s on PostgreSQL for 1M cases). Prints, never asserts.
// PostgreSQL when DATABASE_URL is set (a fresh database, dropped afterwards), else (or with
// BENCH_ENGINE=pglite) in-memory PGlite.
// BENCH_CASES (default 1,000,000) sets N, BENCH_RUNS (default 5) the interleaved rounds.
import { performance } from 'node:perf_hooks';
import { aggregationSql } from '#adapters/db/case-store.ts';
import { OUTCOME_CODES } from '#core/cases/outcome-codes.ts';
import { testEngines, withTestDatabase } from '#test/db-harness.ts';

const N = Number(process.env['BENCH_CASES'] ?? 1_000_000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const engine = process.env['BENCH_ENGINE'] === 'pglite' || !testEngines().includes('postgresql') ? 'pglite' : 'postgresql';
const database = await withTestDatabase(engine);
const out = (text: string) => process.stdout.write(text);

try {
  const { pool, db } = database;
  const agency = (await pool.query<{ id: number }>("insert into agencies (slug, name) values ('bench', '基准测试局') returning id"))
    .rows[0]!.id;
  const types =
    "array['natural_person','natural_person','natural_person','commercial_enterprise','research_institution','public_interest_org','legal_service_org','other_org']";
  const outcomes = `array[${OUTCOME_CODES.map((c) => `'${c}'`).join(',')}]`;
  let started = performance.now();
  await pool.query(
    `insert into cases (agency_id, case_code, verification_hash, channel, applicant_type, received_on, status, is_open, clock_state, outcome, closed_on, event_count)
     select $1, 'B' || g, md5(g::text), 'online', (${types})[1 + (g % 8)], d,
            case when closed then 'replied' else 'processing' end, not closed, case when closed then 'closed' else 'on_time' end,
            case when closed then (${outcomes})[1 + ((g * 7) % 21)] end, case when closed then d + 15 end, 1
     from (select g, date '2022-01-01' + (g % 1460) as d, (g % 12) <> 0 as closed from generate_series(1, $2::int) g) s`,
    [agency, N],
  );
  await pool.query('analyze cases');
  out(`${engine}: ${N.toLocaleString('en')} cases inserted in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  // Rounds interleaved (baseline, aggregation, baseline, …) so drift and other load on a shared machine
  // hit both alike; medians.
  const baselineTimes: number[] = [];
  const compiledTimes: number[] = [];
  const timed = async (times: number[], work: () => Promise<unknown>) => {
    started = performance.now();
    await work();
    times.push(performance.now() - started);
  };
  const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  await db.execute(aggregationSql(agency, 2024)); // warm-up: the table in cache for both
  for (let i = 0; i < RUNS; i += 1) {
    await timed(baselineTimes, () =>
      pool.query('select applicant_type, count(*)::int from cases where agency_id = $1 and received_on <= $2 group by applicant_type', [
        agency,
        '2024-12-31',
      ]),
    );
    await timed(compiledTimes, () => db.execute(aggregationSql(agency, 2024)));
  }
  const baseline = median(baselineTimes);
  const compiled = median(compiledTimes);
  out(`bare GROUP BY           median ${baseline.toFixed(0)} ms\n`);
  out(
    `tables 三/四 aggregation median ${compiled.toFixed(0)} ms  (${(compiled / baseline).toFixed(2)}× the bare GROUP BY; goal ≤ 1.5×, < 1000 ms on PostgreSQL)\n`,
  );
} finally {
  await database.close();
}
