import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { FEE_VECTORS } from '#test/factories/fee-vectors.ts';
import { computeFeeNotice, FEE_PAYMENT_WORKING_DAYS, type WorkingDayPort } from './fee-notice.ts';
import {
  applyFeeWaiver,
  computeMonthlyApplicationFees,
  computePerApplicationMonthTotal,
  computePerApplicationRate,
  computePerPageFee,
  type FeeBreakdown,
  type FeeOutcome,
  type Fen,
  formatYuan,
  MAX_FEE_QUANTITY,
  toFen,
  validateOneFeeMethod,
} from './fees.ts';

const value = <T>(outcome: FeeOutcome<T>): T => (outcome.ok ? outcome.value : assert.fail(outcome.issue.message));
const yuanToFen = (yuan: number): number => yuan * 100;
const amount = (fen: number): Fen => toFen(fen) ?? assert.fail(`not an amount: ${fen}`);

describe('fee vectors of test-vectors.json (国办函〔2020〕109号)', () => {
  test('the fixture holds the 26 fee cases of the spec', () => {
    assert.equal(FEE_VECTORS.length, 26);
  });
  for (const vector of FEE_VECTORS) {
    test(`${vector.id}: ${vector.kind} matches the spec`, () => {
      switch (vector.kind) {
        case 'per_application_rate': {
          const fee = value(computePerApplicationRate(vector.input.ordinalInMonth!));
          assert.equal(fee.fen, yuanToFen(vector.expected.feeYuan!));
          break;
        }
        case 'per_application_month_total': {
          const fee = value(computePerApplicationMonthTotal(vector.input.applicationsInMonth!));
          assert.equal(fee.fen, yuanToFen(vector.expected.totalYuan!));
          break;
        }
        case 'per_page': {
          const fee = value(computePerPageFee(vector.input.pages!));
          assert.equal(fee.fen, yuanToFen(vector.expected.feeYuan!));
          break;
        }
        case 'per_application_sequence': {
          const receipts = vector.input.receipts!.map((receivedOn) => ({ receivedOn }));
          const result = value(computeMonthlyApplicationFees(receipts));
          assert.deepEqual(
            result.applications.map((a) => ({ receivedOn: a.application.receivedOn, ordinalInMonth: a.ordinalInMonth, feeFen: a.rateFen })),
            vector.expected.applications!.map((a) => ({
              receivedOn: a.receivedOn,
              ordinalInMonth: a.ordinalInMonth,
              feeFen: yuanToFen(a.feeYuan),
            })),
          );
          assert.equal(result.totalFen, yuanToFen(vector.expected.totalYuan!));
          break;
        }
        default:
          assert.fail(`unknown fee vector kind ${vector.kind}`);
      }
    });
  }
});

describe('按量 (109号第五条) explanation', () => {
  test('450 pages lists each tier with pages × rate and the total', () => {
    const fee = value(computePerPageFee(450));
    assert.deepEqual(fee.explanation.slice(1), [
      '第1—30页：30页，不收费',
      '第31—100页：70页 × 10元 = 700元',
      '第101—200页：100页 × 20元 = 2000元',
      '第201—450页：250页 × 40元 = 10000元',
      '合计：12700元',
    ]);
    assert.match(fee.explanation[0]!, /109号第五条/);
  });
  test('the tier lines add up to the fee', () => {
    const fee = value(computePerPageFee(2219));
    assert.equal(
      fee.lines.reduce((sum, line) => sum + line.amountFen, 0),
      fee.fen,
    );
    assert.equal(fee.lines.at(-1)?.to, 2219);
  });
  test('30 pages or fewer is the no-fee path and says so', () => {
    const fee = value(computePerPageFee(30));
    assert.equal(fee.fen, 0);
    assert.equal(fee.explanation.at(-1), '合计：0元（不收取信息处理费）');
  });
});

describe('按件 (109号第四条) explanation', () => {
  test('the 12th application of a month costs 100元 in the 11—30 tier', () => {
    const fee = value(computePerApplicationRate(12));
    assert.equal(fee.fen, 10000);
    assert.match(fee.explanation.join('\n'), /11—30件/);
  });
  test('the 45th application is in band 2 of the part above 30 (41—50件) at 300元', () => {
    const fee = value(computePerApplicationRate(45));
    assert.equal(fee.fen, 30000);
    assert.match(fee.explanation[1]!, /第41—50件为第2档/);
  });
  test('a month of 35 applications is explained tier by tier', () => {
    const fee = value(computePerApplicationMonthTotal(35));
    assert.deepEqual(fee.explanation.slice(1), [
      '第1—10件：10件，不收费',
      '第11—30件：20件 × 100元 = 2000元',
      '第31—35件：5件 × 200元 = 1000元',
      '合计：3000元',
    ]);
  });
});

describe('input checks return a Chinese issue, never throw', () => {
  const bad: readonly [string, () => FeeOutcome<FeeBreakdown>][] = [
    ['negative pages', () => computePerPageFee(-1)],
    ['fractional pages', () => computePerPageFee(1.5)],
    ['NaN pages', () => computePerPageFee(Number.NaN)],
    ['pages above the computable bound', () => computePerPageFee(MAX_FEE_QUANTITY + 1)],
    ['ordinal 0', () => computePerApplicationRate(0)],
    ['negative month count', () => computePerApplicationMonthTotal(-3)],
  ];
  for (const [what, run] of bad) {
    test(`${what} is refused with INVALID_QUANTITY`, () => {
      const outcome = run();
      assert.equal(outcome.ok, false);
      assert.equal(outcome.ok ? undefined : outcome.issue.code, 'INVALID_QUANTITY');
      assert.match(outcome.ok ? '' : outcome.issue.message, /必须是|超出/);
    });
  }
  test('an impossible receipt date is refused with INVALID_DATE', () => {
    const outcome = computeMonthlyApplicationFees([{ receivedOn: '2025-02-29' }]);
    assert.equal(outcome.ok ? undefined : outcome.issue.code, 'INVALID_DATE');
  });
  test('29 February of a leap year is a valid receipt date', () => {
    assert.equal(computeMonthlyApplicationFees([{ receivedOn: '2024-02-29' }]).ok, true);
  });
});

describe('monthly aggregation (FEE-MONTH)', () => {
  test('applications are numbered by receipt date, not input order, and keep their own data', () => {
    const result = value(
      computeMonthlyApplicationFees([
        { ref: 'c', receivedOn: '2025-03-20' },
        { ref: 'a', receivedOn: '2025-03-03' },
        { ref: 'b', receivedOn: '2025-03-10' },
      ]),
    );
    assert.deepEqual(
      result.applications.map((a) => [a.application.ref, a.ordinalInMonth]),
      [
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ],
    );
  });
  test('the count restarts on the 1st: 11 in January and 11 in February cost 100元 each month', () => {
    const january = Array.from({ length: 11 }, () => ({ receivedOn: '2025-01-31' }));
    const february = Array.from({ length: 11 }, () => ({ receivedOn: '2025-02-01' }));
    const result = value(computeMonthlyApplicationFees([...february, ...january]));
    assert.deepEqual(
      result.months.map((m) => [m.month, m.count, m.totalFen]),
      [
        ['2025-01', 11, 10000],
        ['2025-02', 11, 10000],
      ],
    );
    assert.equal(result.totalFen, 20000);
  });
  test('each month total equals the sum of its applications’ rates and the month-total function', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 28 }), { maxLength: 80 }), (days) => {
        const receipts = days.map((day) => ({ receivedOn: `2025-05-${String(day).padStart(2, '0')}` }));
        const result = value(computeMonthlyApplicationFees(receipts));
        const sumOfRates = result.applications.reduce((sum, a) => sum + a.rateFen, 0);
        assert.equal(result.totalFen, sumOfRates);
        assert.equal(result.totalFen, value(computePerApplicationMonthTotal(receipts.length)).fen);
      }),
    );
  });
  test('an empty list costs nothing', () => {
    const result = value(computeMonthlyApplicationFees([]));
    assert.equal(result.totalFen, 0);
    assert.deepEqual(result.months, []);
  });
});

describe('one method per application (109号第三条)', () => {
  test('an application charged both 按件 and 按量 is reported, others are not', () => {
    const issues = validateOneFeeMethod([
      { applicationRef: '2025-001', method: 'per_page' },
      { applicationRef: '2025-002', method: 'per_application' },
      { applicationRef: '2025-001', method: 'per_application' },
      { applicationRef: '2025-003', method: 'per_page' },
      { applicationRef: '2025-003', method: 'per_page' },
    ]);
    assert.equal(issues.length, 1);
    assert.equal(issues[0]?.code, 'BOTH_METHODS');
    assert.match(issues[0]?.message ?? '', /2025-001.*第三条/);
  });
  test('a single method per application gives no issue', () => {
    assert.deepEqual(validateOneFeeMethod([{ applicationRef: 'x', method: 'per_page' }]), []);
  });
});

describe('waiver (减免) with a recorded reason', () => {
  const gross = value(computePerPageFee(450));
  test('a full waiver zeroes the fee and shows the reason in the explanation', () => {
    const waived = value(applyFeeWaiver(gross, { kind: 'full', reason: '申请人为低保对象' }));
    assert.equal(waived.fen, 0);
    assert.equal(waived.grossFen, gross.fen);
    assert.match(waived.explanation.join('\n'), /免收.*申请人为低保对象/);
    assert.equal(waived.explanation.at(-1), '减免后应缴：0元（不收取信息处理费）');
  });
  test('a partial waiver reduces the fee by the given fen, keeping 角/分 exact', () => {
    const waived = value(applyFeeWaiver(gross, { kind: 'partial', reduceByFen: amount(250), reason: '部分信息已主动公开' }));
    assert.equal(waived.fen, gross.fen - 250);
    assert.equal(waived.explanation.at(-1), `减免后应缴：${formatYuan(waived.fen)}元`);
  });
  test('a waiver without a reason is refused', () => {
    const outcome = applyFeeWaiver(gross, { kind: 'full', reason: '  ' });
    assert.equal(outcome.ok ? undefined : outcome.issue.code, 'WAIVER_REASON_MISSING');
  });
  test('a reduction above the fee is refused', () => {
    const outcome = applyFeeWaiver(gross, { kind: 'partial', reduceByFen: amount(gross.fen + 1), reason: '理由' });
    assert.equal(outcome.ok ? undefined : outcome.issue.code, 'WAIVER_AMOUNT_INVALID');
  });
  test('the agency setting can forbid waivers', () => {
    const outcome = applyFeeWaiver(gross, { kind: 'full', reason: '理由' }, { waiverAllowed: false });
    assert.equal(outcome.ok ? undefined : outcome.issue.code, 'WAIVER_NOT_ALLOWED');
  });
  test('a free fee has nothing to waive, and a waiver cannot be applied twice', () => {
    const free = value(computePerPageFee(10));
    assert.equal(
      (applyFeeWaiver(free, { kind: 'full', reason: '理由' }) as { ok: false; issue: { code: string } }).issue.code,
      'WAIVER_NOTHING_TO_WAIVE',
    );
    const once = value(applyFeeWaiver(gross, { kind: 'partial', reduceByFen: amount(100), reason: '理由' }));
    const twice = applyFeeWaiver(once, { kind: 'full', reason: '理由' });
    assert.equal(twice.ok ? undefined : twice.issue.code, 'WAIVER_ALREADY_APPLIED');
  });
});

describe('money', () => {
  test('formatYuan gives two decimals from integer fen', () => {
    assert.equal(formatYuan(amount(470000)), '4700.00');
    assert.equal(formatYuan(amount(5)), '0.05');
    assert.equal(formatYuan(amount(0)), '0.00');
  });
  test('toFen rejects negatives and fractions', () => {
    assert.equal(toFen(-1), undefined);
    assert.equal(toFen(0.5), undefined);
    assert.equal(toFen(12), 12);
  });
});

describe('properties', () => {
  const pages = fc.integer({ min: 0, max: 5000 });
  const ordinals = fc.integer({ min: 1, max: 5000 });
  test('按量 fee is monotone non-decreasing in pages', () => {
    fc.assert(
      fc.property(pages, pages, (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        assert.ok(value(computePerPageFee(low)).fen <= value(computePerPageFee(high)).fen);
      }),
    );
  });
  test('按件 rate and month total are monotone non-decreasing in the count', () => {
    fc.assert(
      fc.property(ordinals, ordinals, (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        assert.ok(value(computePerApplicationRate(low)).fen <= value(computePerApplicationRate(high)).fen);
        assert.ok(value(computePerApplicationMonthTotal(low)).fen <= value(computePerApplicationMonthTotal(high)).fen);
      }),
    );
  });
  test('30 pages or fewer and 10 applications or fewer cost nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 10 }), (p, k) => {
        assert.equal(value(computePerPageFee(p)).fen, 0);
        assert.equal(value(computePerApplicationRate(k)).fen, 0);
        assert.equal(value(computePerApplicationMonthTotal(k)).fen, 0);
      }),
    );
  });
  test('every amount is an integer number of fen, and a whole number of 元 before any waiver', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), (n) => {
        for (const fee of [computePerPageFee(n), computePerApplicationMonthTotal(n), computePerApplicationRate(Math.max(1, n))]) {
          const { fen } = value(fee);
          assert.ok(Number.isSafeInteger(fen) && fen >= 0);
          assert.equal(fen % 100, 0);
        }
      }),
    );
  });
  test('amounts at the largest accepted quantity are still exact safe integers', () => {
    for (const fee of [computePerPageFee(MAX_FEE_QUANTITY), computePerApplicationMonthTotal(MAX_FEE_QUANTITY)]) {
      const { fen, lines } = value(fee);
      assert.ok(Number.isSafeInteger(fen));
      assert.equal(
        lines.reduce((sum, line) => sum + line.amountFen, 0),
        fen,
      );
    }
  });
  test('one more page costs exactly that page’s tier rate (10, 20 or 40元, none up to 30)', () => {
    fc.assert(
      fc.property(pages, (p) => {
        const step = value(computePerPageFee(p + 1)).fen - value(computePerPageFee(p)).fen;
        const page = p + 1;
        const expected = page <= 30 ? 0 : page <= 100 ? 1000 : page <= 200 ? 2000 : 4000;
        assert.equal(step, expected);
      }),
    );
  });
  test('the month total grows by the marginal rate of the next application', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), (n) => {
        const step = value(computePerApplicationMonthTotal(n + 1)).fen - value(computePerApplicationMonthTotal(n)).fen;
        assert.equal(step, value(computePerApplicationRate(n + 1)).fen);
      }),
    );
  });
});

describe('fee notice (收费通知)', () => {
  // A Monday–Friday calendar stands in for the real one (src/core/calendar, another module); it
  // records its calls so the test sees what the notice asks of the port.
  const calls: [string, number][] = [];
  const weekdays: WorkingDayPort = {
    addWorkingDays(from, n) {
      calls.push([from, n]);
      const day = new Date(`${from}T00:00:00Z`);
      let left = n;
      while (left > 0) {
        day.setUTCDate(day.getUTCDate() + 1);
        if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) {
          left -= 1;
        }
      }
      return { date: day.toISOString().slice(0, 10), warnings: [{ code: 'TEST_CALENDAR', message: '测试日历' }] };
    },
  };
  const fee = value(computePerPageFee(450));

  test('states basis, standard, amount and payment method, and the 20th working day after receipt', () => {
    const notice = value(computeFeeNotice({ fee, paymentMethod: '通过非税收入缴款码缴纳', noticeReceivedOn: '2025-03-11' }, weekdays));
    assert.equal(notice.kind, 'notice');
    if (notice.kind !== 'notice') {
      return;
    }
    assert.deepEqual(calls.at(-1), ['2025-03-11', FEE_PAYMENT_WORKING_DAYS]);
    assert.equal(notice.payBy, '2025-04-08'); // 2025-03-11 (Tue) + 20 weekdays
    assert.deepEqual(
      notice.warnings.map((w) => w.code),
      ['TEST_CALENDAR'],
    );
    assert.equal(notice.amountFen, fee.fen);
    assert.equal(notice.amountYuan, '12700.00');
    assert.match(notice.basis, /109号第五条/);
    const text = notice.paragraphs.join('\n');
    for (const required of ['收费依据', '收费标准', '收费数额', '缴纳方式', '2025-04-08', '视为放弃申请', '通过非税收入缴款码缴纳']) {
      assert.ok(text.includes(required), required);
    }
  });
  test('without the receipt date the deadline stays relative and the calendar is not asked', () => {
    const before = calls.length;
    const notice = value(computeFeeNotice({ fee, paymentMethod: '银行转账' }, weekdays));
    assert.equal(calls.length, before);
    assert.equal(notice.kind === 'notice' ? notice.payBy : 'no notice', null);
  });
  test('a zero fee needs no notice: the no-fee path', () => {
    const notice = value(computeFeeNotice({ fee: value(computePerApplicationRate(3)), paymentMethod: '' }, weekdays));
    assert.equal(notice.kind, 'no_fee');
  });
  test('a fully waived fee needs no notice either', () => {
    const waived = value(applyFeeWaiver(fee, { kind: 'full', reason: '理由' }));
    assert.equal(value(computeFeeNotice({ fee: waived, paymentMethod: '银行转账' }, weekdays)).kind, 'no_fee');
  });
  test('an impossible notice receipt date is refused before the calendar is asked', () => {
    const before = calls.length;
    const outcome = computeFeeNotice({ fee, paymentMethod: '银行转账', noticeReceivedOn: '2025-02-30' }, weekdays);
    assert.equal(outcome.ok ? undefined : outcome.issue.code, 'INVALID_DATE');
    assert.equal(calls.length, before);
  });
  test('a notice without a payment method is refused', () => {
    const outcome = computeFeeNotice({ fee, paymentMethod: ' ' }, weekdays);
    assert.equal(outcome.ok ? undefined : outcome.issue.code, 'PAYMENT_METHOD_MISSING');
  });
});
