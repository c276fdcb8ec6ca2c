// The use cases behind the console's administration pages, on both engines: the calendar import
// preview (lists the open cases that move, writes nothing), the years overview, and an agency's
// settings changed from one form — all checked before any write, the SMTP password never shown back
// nor written into the history.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createDbAgencyStore } from '#adapters/db/agency-store.ts';
import { createDbCalendarStore } from '#adapters/db/calendar-store.ts';
import { createCaseStore } from '#adapters/db/case-store.ts';
import { openAccess } from '#adapters/db/lazy-database.ts';
import { createLetterPorts } from '#adapters/db/letter-ports.ts';
import { agencySettings, settingChanges } from '#adapters/db/schema/settings.ts';
import { createSettingHistoryStore } from '#adapters/db/setting-history-store.ts';
import { createDbSettingsStore } from '#adapters/db/settings-store.ts';
import { importCases } from '#app/cases/import-cases.ts';
import { calendarImpactOf } from '#app/cases/list-cases-moved-by-calendar.ts';
import { listAgencySettingHistory } from '#app/console/list-agency-setting-history.ts';
import { type AgencySettingsDeps, showAgencySettings, updateAgencySettings } from '#app/console/update-agency-settings.ts';
import { importCalendarYear, previewCalendarYear } from '#app/import-calendar-year.ts';
import { listCalendarYears } from '#app/list-calendar-years.ts';
import type { LocalDate } from '#core/calendar/local-date.ts';
import { isDomainError } from '#core/shared/domain-error.ts';
import { addAgency } from '#test/cases/case-fixtures.ts';
import { forEachEngine } from '#test/db-harness.ts';

forEachEngine('calendar preview before import', ({ database }) => {
  test('the preview lists the open case whose due date moves and records nothing; the import then records it', async () => {
    const { db, pool } = await database();
    const agency = await addAgency(pool);
    const clock = { now: () => new Date('2026-12-21T02:00:00Z') };
    const cases = createCaseStore(db);
    const imported = await importCases(
      { cases, clock },
      {
        agencySlug: agency.slug,
        text: JSON.stringify({
          externalId: 'P-1',
          channel: 'in_person',
          received: '2026-12-18',
          applicantType: 'natural_person',
          events: [],
          outcome: null,
        }),
        actor: 'test',
      },
    );
    assert.equal(imported.rejected, 0, JSON.stringify(imported.lines));
    const [open] = await cases.listOpenOn(agency.id, '2026-12-21' as LocalDate);
    const calendar = createDbCalendarStore(openAccess(db));
    const deps = { calendar, clock, calendarImpact: calendarImpactOf({ cases, agencies: createDbAgencyStore(openAccess(db)), clock }) };
    const text = JSON.stringify({
      2027: {
        notices: ['测试通知'],
        breaks: [{ name: '测试假期', from: '2027-01-04', to: '2027-01-06', workdays: [] }],
        holidays: ['2027-01-04', '2027-01-05', '2027-01-06'],
        workdays: [],
      },
    });
    const input = { fileName: 'y.json', text, who: 'root', reason: '测试' };
    const preview = await previewCalendarYear(deps, input);
    assert.equal(preview.status, 'changes');
    if (preview.status !== 'changes') {
      return;
    }
    assert.equal(preview.year, 2027);
    assert.equal(preview.replaced, false);
    assert.equal(preview.effectiveFrom, '2026-12-21');
    assert.match(preview.what, /2027-01-04/);
    const moved = (preview.moved ?? []).filter((m) => m.agency === agency.slug);
    assert.deepEqual(
      moved.map((m) => [m.caseCode, m.dueBefore]),
      [[open?.caseCode, open?.due]],
    );
    // Three more holidays push the due date at least three days later.
    assert.ok(moved[0]!.dueAfter > moved[0]!.dueBefore);
    assert.equal((await calendar.listChanges()).length, 0, 'the preview wrote a change');
    const years = await listCalendarYears({ calendar, clock });
    assert.equal(
      years.some((y) => y.year === 2027),
      false,
    );
    const result = await importCalendarYear(deps, input);
    assert.equal(result.status, 'imported');
    assert.deepEqual(result.status === 'imported' ? result.moved?.filter((m) => m.agency === agency.slug) : [], moved);
    const after = await listCalendarYears({ calendar, clock });
    const y2027 = after.find((y) => y.year === 2027);
    assert.equal(y2027?.shipped, false);
    assert.equal(y2027?.changes.length, 1);
    assert.equal(y2027?.changes[0]?.who, 'root');
    assert.equal(y2027?.changes[0]?.reason, '测试');
    assert.deepEqual(y2027?.breaks, ['测试假期 2027-01-04至2027-01-06']);
    // The same data again: the preview says unchanged.
    assert.equal((await previewCalendarYear(deps, input)).status, 'unchanged');
    // Bad data: refused before anything.
    await assert.rejects(previewCalendarYear(deps, { ...input, text: '{"2027": {"holidays": ["2027-02-30"]}}' }), (error) =>
      isDomainError(error, 'INVALID_INPUT'),
    );
  });
});

forEachEngine('agency settings from the console', ({ database }) => {
  test('bad values: every field reported, nothing written; good ones written with the reason; the SMTP password never comes back', async () => {
    const { db, pool } = await database();
    const agency = await addAgency(pool, '设置测试局');
    const access = openAccess(db);
    const agencies = createDbAgencyStore(access);
    const deps: AgencySettingsDeps = {
      clock: { now: () => new Date('2026-03-02T02:00:00Z') },
      settingsOf: async (slug) => {
        const found = await agencies.findBySlug(slug);
        assert.ok(found);
        return createDbSettingsStore(access, found.id);
      },
      letters: createLetterPorts(db),
    };
    const history = createSettingHistoryStore(db);
    const rowsBefore = (await db.select().from(settingChanges)).length;
    await assert.rejects(
      updateAgencySettings(deps, {
        agency: agency.slug,
        values: { 'receipt.office-hours-end': '25:99', 'mail.smtp-port': '70000', 'letter.court': '某区人民法院' },
        who: 'admin-li',
      }),
      (error) =>
        isDomainError(error, 'INVALID_INPUT') &&
        Object.keys(error.details.fields ?? {})
          .sort()
          .join() === 'mail.smtp-port,receipt.office-hours-end',
    );
    assert.equal((await db.select().from(settingChanges)).length, rowsBefore, 'a refused form wrote history');
    const changed = await updateAgencySettings(deps, {
      agency: agency.slug,
      values: {
        'receipt.office-hours-end': '18:00',
        'receipt.rest-day': 'as-is', // the default: unchanged, not written
        'letter.doc-number-prefix': '某教信公开',
        'mail.smtp-host': 'smtp.example.gov.cn',
        'mail.smtp-user': 'gongkai',
        'mail.smtp-password': 'very-secret-password',
      },
      reason: '按新办公时间调整',
      who: 'admin-li',
    });
    assert.deepEqual(changed.changed, [
      'receipt.office-hours-end',
      'letter.doc-number-prefix',
      'mail.smtp-host',
      'mail.smtp-user',
      'mail.smtp-password',
    ]);
    const shown = await showAgencySettings(deps, { agency: agency.slug });
    assert.equal(shown.clock.find((c) => c.key === 'receipt.office-hours-end')?.value, '18:00');
    assert.equal(shown.letters.find((l) => l.key === 'letter.doc-number-prefix')?.value, '某教信公开');
    const password = shown.letters.find((l) => l.key === 'mail.smtp-password');
    assert.equal(password?.value, '（已设置）');
    assert.equal(password?.secret, true);
    const rows = await listAgencySettingHistory(history, { agency: agency.slug });
    assert.ok(!JSON.stringify(rows).includes('very-secret-password'), 'the password in the history');
    const stored = await db.select().from(settingChanges);
    assert.ok(!JSON.stringify(stored).includes('very-secret-password'), 'the password in setting_changes');
    assert.equal(rows[0]?.key, 'mail.smtp-password');
    assert.equal(rows[0]?.to, '（已设置）');
    assert.equal(rows.find((r) => r.key === 'receipt.office-hours-end')?.reason, '按新办公时间调整');
    assert.equal(rows.find((r) => r.key === 'letter.doc-number-prefix')?.who, 'admin-li');
    // The SMTP job needs the password itself: it is in the agency's settings.
    const own = await db.select().from(agencySettings).where(eq(agencySettings.agencyId, agency.id));
    assert.equal(own.find((r) => r.key === 'mail.smtp-password')?.value, 'very-secret-password');
    // An empty password field keeps it; clearing removes it.
    await updateAgencySettings(deps, { agency: agency.slug, values: { 'mail.smtp-password': '' }, who: 'admin-li' });
    assert.equal(
      (await showAgencySettings(deps, { agency: agency.slug })).letters.find((l) => l.key === 'mail.smtp-password')?.value,
      '（已设置）',
    );
    await updateAgencySettings(deps, { agency: agency.slug, values: {}, clearSecrets: ['mail.smtp-password'], who: 'admin-li' });
    assert.equal((await showAgencySettings(deps, { agency: agency.slug })).letters.find((l) => l.key === 'mail.smtp-password')?.value, '');
  });
});
