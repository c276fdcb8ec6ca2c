import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { issueReplyLetter, listReplyLetters } from '#adapters/db/letter-store.ts';
import { agencies } from '#adapters/db/schema.ts';
import { forEachEngine } from '#test/db-harness.ts';

forEachEngine('文号 sequence', ({ database }) => {
  const agencyId = async (slug: string) => {
    const { db } = await database();
    const [row] = await db
      .insert(agencies)
      .values({ slug, name: `${slug} 机关` })
      .returning({ id: agencies.id });
    assert.ok(row);
    return row.id;
  };
  const letter = (id: number, year: number, caseCode: string) => ({
    agencyId: id,
    year,
    prefix: '某府信公开',
    caseCode,
    outcome: 'outcome.disclosed',
    letterDate: `${year}-03-01`,
    createdBy: 'test',
  });

  test('50 concurrent replies get 文号 1…50 of their agency and year: none repeated, none skipped', async () => {
    const { db } = await database();
    const id = await agencyId('concurrent');
    const issued = await Promise.all(
      Array.from({ length: 50 }, (_, i) => db.transaction((tx) => issueReplyLetter(tx, letter(id, 2025, `C-${i}`)))),
    );
    assert.deepEqual(
      issued.map((l) => l.number).sort((a, b) => a - b),
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    assert.ok(issued.every((l) => l.docNumber === `某府信公开〔2025〕第${l.number}号`));
  });

  test('each agency and year counts on its own; a new year starts at 1', async () => {
    const { db } = await database();
    const a = await agencyId('seq-a');
    const b = await agencyId('seq-b');
    const first = await issueReplyLetter(db, letter(a, 2025, 'A-1'));
    const second = await issueReplyLetter(db, letter(a, 2025, 'A-2'));
    const other = await issueReplyLetter(db, letter(b, 2025, 'B-1'));
    const nextYear = await issueReplyLetter(db, letter(a, 2026, 'A-3'));
    assert.deepEqual([first.number, second.number, other.number, nextYear.number], [1, 2, 1, 1]);
    assert.equal(nextYear.docNumber, '某府信公开〔2026〕第1号');
    assert.deepEqual(
      (await listReplyLetters(db, a, 'A-2')).map((l) => l.docNumber),
      ['某府信公开〔2025〕第2号'],
    );
  });

  test('a reply whose transaction rolls back gives its number back: the next reply gets it', async () => {
    const { db } = await database();
    const id = await agencyId('rollback');
    await issueReplyLetter(db, letter(id, 2025, 'R-1'));
    await assert.rejects(
      db.transaction(async (tx) => {
        await issueReplyLetter(tx, letter(id, 2025, 'R-2'));
        throw new Error('the reply failed after the number was drawn');
      }),
      /reply failed/,
    );
    const next = await issueReplyLetter(db, letter(id, 2025, 'R-3'));
    assert.equal(next.number, 2);
    const count = await db.execute(sql`select count(*)::int as n from reply_letters where agency_id = ${id}`);
    assert.equal((count.rows[0] as { n: number }).n, 2);
  });
});
