// The console's case-work page templates on their own (issue #8): what they show, their accessible
// structure (labels, headings, table headers), overdue marked in words, one form per allowed event
// only, a refused event's message beside its form with the values kept, and escaping.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { html } from 'hono/html';
import type { CaseWorkspace } from '#app/cases/get-case-workspace.ts';
import type { CaseQueue } from '#app/cases/list-case-queue.ts';
import { type LocalDate, localDate } from '#core/calendar/local-date.ts';
import { parseCaseEvent } from '#core/cases/case-event.ts';
import { OUTCOMES } from '#core/cases/outcome-codes.ts';
import { eventDetails, renderCasePage, timelineRows } from '#web/console/cases/case.page.ts';
import { queueHref, renderQueuePage } from '#web/console/cases/case-queue.page.ts';
import { eventFromForm, yuanToFen } from '#web/console/cases/event-forms.ts';
import { renderNewApplicationPage } from '#web/console/cases/new-application.page.ts';

const render = async (fragment: unknown): Promise<string> => String(await fragment);
const d = (text: string): LocalDate => localDate(text);

const queue: CaseQueue = {
  today: d('2025-06-30'),
  filter: { state: 'open', due: '', q: '', officer: '' },
  officers: ['li', 'wang'],
  items: [
    {
      caseCode: 'GK2025-000001',
      agency: 'edu',
      state: 'processing',
      stateLabel: '办理中',
      received: d('2025-05-06'),
      due: d('2025-06-04'),
      correctionDeadline: null,
      urgency: 'overdue',
      outcomeLabel: null,
      officer: 'li',
    },
    {
      caseCode: 'GK2025-000002',
      agency: 'edu',
      state: 'awaiting_correction',
      stateLabel: '等待补正',
      received: d('2025-06-20'),
      due: null,
      correctionDeadline: d('2025-07-10'),
      urgency: 'on_time',
      outcomeLabel: null,
      officer: null,
    },
  ],
  total: 120,
  page: 2,
  pageCount: 3,
  pageSize: 50,
};

function workspace(over: Partial<CaseWorkspace> = {}): CaseWorkspace {
  return {
    today: d('2025-06-30'),
    agencyId: 1,
    case: {
      caseCode: 'GK2025-000001',
      agency: 'edu',
      externalId: null,
      channel: 'post_signed',
      applicantType: 'natural_person',
      state: 'processing',
      stateLabel: '办理中',
      open: true,
      received: d('2025-05-06'),
      due: d('2025-06-04'),
      clockState: 'on_time',
      correctionDeadline: null,
      feePaymentDue: null,
      outcome: null,
      outcomeLabel: null,
      closedOn: null,
      repliedOn: null,
      eventCount: 1,
      officer: 'li',
      applicant: {
        type: 'natural_person',
        name: '张三<script>',
        idType: 'resident_id',
        idNumber: '11010519491231002X',
        phone: '13800000000',
      },
      description: '请公开2024年预算',
      delivery: 'post',
      events: [],
    },
    timeline: [
      {
        seq: 1,
        event: { type: 'received', on: d('2025-05-06'), channel: 'post_signed', applicantType: 'natural_person', atMinutes: 16 * 60 + 45 },
        actor: 'clerk',
        recordedAt: '2025-05-06T09:05:00.000Z',
      },
    ],
    clock: {
      state: 'overdue',
      overdue: true,
      due: d('2025-06-04'),
      correctionDeadline: null,
      feePaymentDue: null,
      workingDaysUsed: 20,
      workingDaysLeft: 0,
      overdueWorkingDays: 18,
      explanation: { summary: ['收到日：2025-05-06', '答复期限：2025-06-04'], steps: ['第20个计数工作日为 2025-06-04（周三）'], notes: [] },
    },
    allowed: ['correction_requested', 'extension_approved', 'withdrawn', 'replied'],
    openConsultations: [],
    assignments: [],
    officerCandidates: ['li', 'wang'],
    ...over,
  };
}

const csrf = html`<input type="hidden" name="_csrf" value="TOKEN">`;

describe('queue page', () => {
  test('a table with a caption and column headers; overdue rows say 已逾期 in words, not only by colour', async () => {
    const page = await render(
      renderQueuePage({ queue, agencies: [{ slug: 'edu', name: '教育局' }], agency: '', mayEnter: true, me: 'li' }),
    );
    assert.match(page, /<caption>案件列表：共 120 件，显示第 51—100 件/);
    assert.equal((page.match(/<th scope="col">/g) ?? []).length, 8);
    assert.match(
      page,
      /<option value="me">我承办的（li）<\/option><option value="none">未分配<\/option><option value="wang">wang<\/option>/,
    );
    assert.match(
      page,
      /<tr class="overdue"><th scope="row"><a href="\/console\/cases\/GK2025-000001">GK2025-000001<\/a><\/th><td>教育局<\/td>.*<strong>⚠ 已逾期<\/strong>/,
    );
    assert.match(page, /补正期限 2025-07-10/);
    assert.match(page, /<label for="q-state">状态<\/label>/);
    assert.match(page, /<label for="q-q">案件编号<\/label>/);
  });

  test('pages link back and forth with the filters kept', async () => {
    const filtered = { ...queue, filter: { state: 'all' as const, due: 'overdue' as const, q: 'GK', officer: 'wang' } };
    const page = await render(renderQueuePage({ queue: filtered, agencies: [], agency: 'edu', mayEnter: false, me: 'li' }));
    assert.ok(
      page.includes(
        `href="${queueHref({ agency: 'edu', state: 'all', due: 'overdue', q: 'GK', officer: 'wang' }, 1).replaceAll('&', '&amp;')}" rel="prev"`,
      ),
    );
    assert.ok(
      page.includes('href="/console/cases?agency=edu&amp;state=all&amp;due=overdue&amp;q=GK&amp;officer=wang&amp;page=3" rel="next"'),
    );
    assert.match(page, /<option value="wang" selected>wang<\/option>/);
    assert.ok(!page.includes('登记新申请'), 'no entry link without a write role');
  });

  test('a bad filter is shown beside its field', async () => {
    const page = await render(
      renderQueuePage({
        queue: { ...queue, items: [] },
        agencies: [],
        agency: '',
        mayEnter: false,
        me: 'li',
        errors: { due: '期限筛选应为“已逾期”或“即将到期”' },
      }),
    );
    assert.match(
      page,
      /<span class="error" id="q-due-error">期限筛选应为“已逾期”或“即将到期”<\/span><select id="q-due" name="due" aria-invalid="true" aria-describedby="q-due-error">/,
    );
  });
});

describe('case page', () => {
  test('applicant (escaped), due date with 已逾期 in words, the clock explanation in Chinese dates, timeline with actor and Beijing time', async () => {
    const page = await render(renderCasePage({ workspace: workspace(), agencyName: '教育局', csrf, mayWrite: true }));
    assert.ok(page.includes('张三&lt;script&gt;'));
    assert.ok(!page.includes('张三<script>'));
    assert.match(page, /<dt>承办人<\/dt><dd>li<\/dd>/);
    assert.match(page, /<dt>期限状态<\/dt><dd><strong class="overdue">⚠ 已逾期 18 个工作日<\/strong><\/dd>/);
    assert.match(page, /<li>第20个计数工作日为 2025年6月4日（周三）<\/li>/);
    // 09:05 UTC is 17:05 in Beijing.
    assert.match(
      page,
      /<td>1<\/td><td>2025-05-06<\/td><th scope="row">收到申请<\/th><td>渠道：邮寄（挂号、EMS、快递，需签收）<br>申请人类型：自然人<br>收到时刻：16:45<\/td><td>clerk<\/td><td>2025-05-06 17:05<\/td>/,
    );
    assert.match(page, /<h2 id="s-timeline">办理记录<\/h2>/);
  });

  test('one form per allowed event and no other, each posting with the CSRF field; replied offers the 21 outcomes with their legal basis', async () => {
    const page = await render(renderCasePage({ workspace: workspace(), agencyName: '教育局', csrf, mayWrite: true }));
    const types = [...page.matchAll(/<input type="hidden" name="type" value="([a-z_]+)">/g)].map((m) => m[1]);
    assert.deepEqual(types, ['correction_requested', 'extension_approved', 'withdrawn', 'replied']);
    // The four event forms and the 承办人 form.
    assert.equal((page.match(/name="_csrf" value="TOKEN"/g) ?? []).length, 5);
    const outcomes = [...page.matchAll(/<option value="(outcome\.[a-z_.]+)"/g)].map((m) => m[1]);
    assert.deepEqual(
      outcomes,
      OUTCOMES.map((o) => o.code),
    );
    assert.ok(page.includes('（《政府信息公开条例》第十四条（依法确定为国家秘密））'));
    assert.match(page, /<option value="outcome\.other\.no_correction" disabled>/);
    assert.match(page, /<label for="e-extension_approved-workingDays">延长工作日数（必填）<\/label>/);
    assert.match(page, /<input type="date" id="e-replied-date" name="date" value="2025-06-30" required>/);
  });

  test('a refused event comes back beside its own form, with the values kept and the fields marked', async () => {
    const form = {
      type: 'extension_approved' as const,
      values: { date: '2025-06-20', workingDays: '25', approvedBy: '王主任' },
      error: '延长答复期限最长不得超过20个工作日',
    };
    const page = await render(renderCasePage({ workspace: workspace(), agencyName: '教育局', csrf, mayWrite: true, form }));
    assert.match(
      page,
      /<h3 id="e-extension_approved-title">延期批准<\/h3>\n<p class="error" id="e-extension_approved-error" role="alert">未登记：延长答复期限最长不得超过20个工作日<\/p>/,
    );
    assert.match(
      page,
      /name="workingDays" value="25"[^>]*aria-describedby="e-extension_approved-workingDays-hint e-extension_approved-error" aria-invalid="true"/,
    );
    assert.match(page, /name="approvedBy" value="王主任"/);
    assert.equal((page.match(/role="alert"/g) ?? []).length, 1, 'the other forms carry no error');
  });

  test('a supervisor (read only) sees the case and no form; the letter links appear once replied', async () => {
    const page = await render(renderCasePage({ workspace: workspace(), agencyName: '教育局', csrf, mayWrite: false }));
    assert.ok(!page.includes('<form'));
    assert.ok(page.includes('您的角色只能查看本案件'));
    assert.ok(!page.includes('/letter.docx'));
    const replied = workspace({ case: { ...workspace().case, state: 'replied', stateLabel: '已答复', open: false } });
    const repliedPage = await render(renderCasePage({ workspace: replied, agencyName: '教育局', csrf, mayWrite: false }));
    assert.match(repliedPage, /<a href="\/console\/cases\/GK2025-000001\/letter">预览告知书<\/a>/);
    assert.match(repliedPage, /<a href="\/console\/cases\/GK2025-000001\/letter.docx">下载告知书（DOCX）<\/a>/);
  });

  test('the 承办人 form: 未分配 and the candidates; an officer no longer eligible stays listed (selected) so saving unchanged changes nothing', async () => {
    const form = async (over: Partial<CaseWorkspace>, extra: { officerForm?: { value: string; error: string } } = {}) =>
      /<form method="post" action="\/console\/cases\/GK2025-000001\/assign" id="assign">.*?<\/form>/s.exec(
        await render(renderCasePage({ workspace: workspace(over), agencyName: '教育局', csrf, mayWrite: true, ...extra })),
      )?.[0] ?? '';
    const options = (text: string) => [...text.matchAll(/<option value="([^"]*)"( selected)?>/g)].map((m) => `${m[1]}${m[2] ?? ''}`);
    // The case's officer li is a candidate.
    assert.deepEqual(options(await form({})), ['', 'li selected', 'wang']);
    // li was disabled since: listed first, still selected.
    assert.deepEqual(options(await form({ officerCandidates: ['wang', 'zhao'] })), ['', 'li selected', 'wang', 'zhao']);
    const unassigned = { case: { ...workspace().case, officer: null } };
    assert.deepEqual(options(await form(unassigned)), [' selected', 'li', 'wang']);
    // A refused choice: kept selected, the reason beside the select.
    const refused = await form(unassigned, {
      officerForm: { value: 'wang', error: '未保存：用户“wang”在机关“edu”只是监督员，不能担任承办人' },
    });
    assert.deepEqual(options(refused), ['', 'li', 'wang selected']);
    assert.match(refused, /<span class="error" id="assign-officer-error">未保存：用户“wang”在机关“edu”只是监督员，不能担任承办人<\/span>/);
  });

  test('the timeline interleaves assignments with events by recording time, naming the officer each one replaced', async () => {
    const record = (seq: number, recordedAt: string) => ({
      seq,
      event: { type: 'reasons_requested' as const, on: d('2025-05-07') },
      actor: 'clerk',
      recordedAt,
    });
    const rows = timelineRows({
      timeline: [record(1, '2025-05-06 09:05:00+00'), record(2, '2025-05-07T09:00:00.000Z')],
      assignments: [
        { officer: 'li', actor: 'chief', at: '2025-05-06 09:30:00.5+00' },
        { officer: 'wang', actor: 'chief', at: '2025-05-07T08:59:59.999Z' },
        { officer: null, actor: 'chief', at: '2025-05-08T00:00:00Z' },
        { officer: 'zhao', actor: 'chief', at: 'not a time' },
      ],
    });
    assert.deepEqual(
      rows.map((row) =>
        row.kind === 'event' ? `event ${row.record.seq}` : `${row.assignment.officer ?? '—'} after ${row.previous ?? '—'}`,
      ),
      ['event 1', 'li after —', 'wang after li', 'event 2', '— after wang', 'zhao after —'],
    );
  });
});

describe('event forms → event JSON', () => {
  test('whole numbers become numbers, empty fields are left out, fields of other events are ignored', () => {
    assert.deepEqual(
      eventFromForm('extension_approved', { date: '2025-06-20', workingDays: '10', approvedBy: ' 王主任 ', reason: '', outcome: 'x' }),
      {
        type: 'extension_approved',
        date: '2025-06-20',
        workingDays: 10,
        approvedBy: '王主任',
      },
    );
    assert.deepEqual(eventFromForm('extension_approved', { date: '2025-06-20', workingDays: '十' }), {
      type: 'extension_approved',
      date: '2025-06-20',
      workingDays: '十',
    });
  });
});

describe('fee amounts (收费金额)', () => {
  test('the form takes 元 and the event records 分, without floating point; anything else reaches the parser, which refuses it', () => {
    assert.equal(yuanToFen('12.5'), 1250);
    assert.equal(yuanToFen('0.07'), 7);
    assert.equal(yuanToFen('4700'), 470000);
    assert.equal(yuanToFen('1.234'), undefined);
    assert.deepEqual(eventFromForm('fee_notice_sent', { date: '2025-06-20', amountFen: '12.50' }), {
      type: 'fee_notice_sent',
      date: '2025-06-20',
      amountFen: 1250,
    });
    const parsed = parseCaseEvent(eventFromForm('fee_notice_sent', { date: '2025-06-20', amountFen: '12.50' }));
    assert.ok(parsed.ok && parsed.event.type === 'fee_notice_sent' && parsed.event.amountFen === 1250);
    const refused = parseCaseEvent(eventFromForm('fee_notice_sent', { date: '2025-06-20', amountFen: '十二元' }));
    assert.ok(!refused.ok);
    assert.match(refused.problems[0] ?? '', /收费金额/);
    assert.deepEqual(eventDetails({ type: 'fee_notice_sent', on: d('2025-06-20'), amountFen: 1250 }), [['收费金额', '12.50 元']]);
  });
});

describe('staff entry page', () => {
  test('channel, arrival date and time are labelled fields; the applicant fields are the portal’s; errors come back beside them', async () => {
    const page = await render(
      renderNewApplicationPage({
        agencies: [
          { slug: 'edu', name: '教育局' },
          { slug: 'fin', name: '财政局' },
        ],
        state: {
          values: { agency: 'fin', channel: 'fax', received: '2025-06-27', receivedTime: '25:00', 'applicant.name': '李四' },
          errors: { receivedTime: '收到时刻应为 HH:MM' },
        },
        csrf,
        today: '2025-06-30',
      }),
    );
    assert.match(page, /<option value="fin" selected>财政局<\/option>/);
    assert.match(page, /<option value="fax" selected>传真：双方确认之日<\/option>/);
    assert.match(
      page,
      /<span class="error" id="f-receivedTime-error">收到时刻应为 HH:MM<\/span><input type="time" id="f-receivedTime" name="receivedTime" value="25:00" aria-describedby="f-receivedTime-hint f-receivedTime-error" aria-invalid="true">/,
    );
    assert.match(page, /<input type="text" id="f-applicant-name" name="applicant.name" value="李四"/);
    assert.match(page, /<a href="#f-receivedTime">收到时刻：收到时刻应为 HH:MM<\/a>/);
  });
});
