import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  CELL_BLANK,
  CELL_OTHER,
  CELL_VALUE,
  cellKind,
  cellRaw,
  hasSign,
  isMalformedNumber,
  isMarkedNumber,
  isNullMarker,
  isPlainNumber,
  isValueText,
  parseCellValue,
} from './parse-cell-value.ts';

describe('cellRaw (annual-report.md §6.2)', () => {
  it('trims spaces, U+3000 and NBSP and removes inner line breaks', () => {
    assert.equal(cellRaw('\u3000\u30000'), '0');
    assert.equal(cellRaw('\u00a0\u3000'), '');
    assert.equal(cellRaw('  12 \n'), '12');
    assert.equal(cellRaw('结果\n纠正'), '结果纠正');
    assert.equal(cellRaw('2 3'), '2 3');
  });

  it('equals trim + removing line breaks on any text (the fast path for untouched cells included)', () => {
    const spaces = [
      '\t',
      '\n',
      '\v',
      '\f',
      '\r',
      ' ',
      '\u0085',
      '\u00a0',
      '\u1680',
      '\u2000',
      '\u200a',
      '\u200b',
      '\u2028',
      '\u2029',
      '\u202f',
      '\u205f',
      '\u3000',
      '\ufeff',
    ];
    const piece = fc.oneof(fc.constantFrom(...spaces, '0', '12', '增', '\u0001'), fc.string({ unit: 'binary', maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join('');
        assert.equal(cellRaw(text), text.trim().replace(/[\r\n]+/g, ''));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseCellValue (annual-report.md §6.3)', () => {
  const cases: readonly (readonly [string, number | null])[] = [
    ['0', 0],
    ['93', 93],
    ['0.0000', 0],
    ['712.187895', 712.187895],
    ['712.187895万元', 712.187895],
    ['251000元', 251000],
    ['12件', 12],
    ['3条', 3],
    ['5个', 5],
    ['4项', 4],
    ['1,234', 1234],
    ['１２３', 123],
    ['＋３', 3],
    ['增98', 98],
    ['+22', 22],
    ['减8', -8],
    ['-8', -8],
    ['−8', -8],
    ['－８', -8],
    ['/', null],
    ['-', null],
    ['—', null],
    ['--', null],
    ['——', null],
    ['无', null],
    ['不适用', null],
    ['--253', null],
    ['1..5', null],
    ['2 3', null],
    ['增', null],
    ['暂无', null],
    ['', null],
  ];
  for (const [raw, value] of cases) {
    it(`reads ${JSON.stringify(raw)} as ${value}`, () => {
      assert.equal(parseCellValue(raw), value);
    });
  }

  it('never converts units: 799800 stays 799800 and 1万元 stays 1', () => {
    assert.equal(parseCellValue('799800'), 799800);
    assert.equal(parseCellValue('1万元'), 1);
  });

  it('reads every non-negative integer written plainly, full-width or with a unit as itself', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), (n) => {
        const fullWidth = String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
        return parseCellValue(String(n)) === n && parseCellValue(fullWidth) === n && parseCellValue(`${n}件`) === n;
      }),
    );
  });

  it('reads thousands separators as the same number', () => {
    fc.assert(fc.property(fc.integer({ min: 1000, max: 999_999_999 }), (n) => parseCellValue(n.toLocaleString('en-US')) === n));
  });

  it('never throws and returns a finite number or null on any text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const value = parseCellValue(cellRaw(text));
        return value === null || Number.isFinite(value);
      }),
    );
  });
});

describe('cell text predicates for CELL-TEXT and CELL-SIGN (validation-rules.md rules 15, 32)', () => {
  it('calls only plainly printed numbers plain', () => {
    assert.ok(isPlainNumber('0'));
    assert.ok(isPlainNumber('0.0000'));
    assert.ok(isPlainNumber('-8'));
    // a rise in 本年增/减 as reports write it (probeP5 048: `行政许可 | 22 | +1 | 23 |`), like `-2` beside it
    assert.ok(isPlainNumber('+1'));
    assert.ok(isPlainNumber(' +173 '));
    assert.ok(!isPlainNumber('++1'));
    assert.ok(!isPlainNumber('251000元'));
    assert.ok(!isPlainNumber('增98'));
    assert.ok(!isPlainNumber('1,234'));
    assert.ok(!isPlainNumber('/'));
  });

  it('sees signs in +, -, 增, 减 and full-width forms, not in null markers', () => {
    for (const raw of ['+12', '-7', '增98', '减8', '＋3', '－8', '增', '--7']) {
      assert.ok(hasSign(raw), raw);
    }
    for (const raw of ['12', '-', '—', '/', '无', '']) {
      assert.ok(!hasSign(raw), raw);
    }
  });

  it('calls numeric-looking text that is no number malformed', () => {
    for (const raw of ['--253', '1..5', '2 3', '增', '减']) {
      assert.ok(isMalformedNumber(raw), raw);
    }
    for (const raw of ['12', '-8', '增98', '/', '--', '暂无', '2.重复申请', '']) {
      assert.ok(!isMalformedNumber(raw), raw);
    }
  });

  it('knows the null markers', () => {
    assert.ok(isNullMarker('/') && isNullMarker('不适用') && isNullMarker('——'));
    assert.ok(isNullMarker('_') && isNullMarker('＿'), 'an underscore fills a cell with nothing to report on some pages');
    assert.ok(!isNullMarker('0'));
  });

  it('keeps a number behind a lost character (`? 0`) a filled cell, with no value read from it', () => {
    for (const text of ['? 0', '？12', '?0']) {
      assert.ok(isValueText(text) && isMarkedNumber(text), text);
      assert.equal(parseCellValue(text), null, text);
    }
    for (const text of ['?', '? 规章', '?1.属于国家秘密']) {
      assert.ok(!isMarkedNumber(text), text);
    }
  });

  it('tells value cells from labels', () => {
    for (const text of ['0', '\u3000\u30000', '\u00a0', '', '/', '增98', '712.187895万元', '--253']) {
      assert.ok(isValueText(text), text);
    }
    for (const text of ['规章', '2.重复申请', '（七）总计', '本年增/减', '结果维持']) {
      assert.ok(!isValueText(text), text);
    }
  });

  it('reads a label without any digit as no value, but a lone sign, full-width digits and units as values', () => {
    // Texts without a digit skip parsing (a label): only a sign character alone stays a (malformed) value.
    for (const text of ['增', '减', '+', '－', ' − ', '１２', '２件', '增１', '3条', '—']) {
      assert.ok(isValueText(text), text);
    }
    for (const text of ['增加', '减少', '件', '万元', '其他', '＋其他', '行政许可（件）']) {
      assert.ok(!isValueText(text), text);
    }
  });
});

describe('isPlainNumber: digits with an optional decimal part and sign, nothing else (CELL-TEXT, rule 15)', () => {
  const rows: readonly [string, boolean, string][] = [
    ['0', true, 'zero'],
    ['　　0', true, 'full-width spaces are trimmed (seed 000)'],
    ['0.0000', true, 'a decimal amount'],
    ['251000元', false, 'a unit'],
    ['增98', false, 'a sign word'],
    ['1,234', false, 'a thousands separator'],
    ['/', false, 'a null marker'],
    ['-8', true, 'a negative number is a number (CELL-VALUE judges its sign)'],
    ['+3', true, 'a rise in 本年增/减 as reports print it (annual-report.md §4.1); CELL-SIGN judges a sign in a count column'],
    ['++3', false, 'a doubled sign (CELL-SIGN)'],
  ];
  for (const [raw, plain, why] of rows) {
    it(`“${raw}” → ${plain}: ${why}`, () => {
      assert.equal(isPlainNumber(raw), plain);
    });
  }
});

describe('cells of ASCII digits only (a fast path, issue #9): the value of the digits, as Number reads them', () => {
  it('any run of 1–20 digits, leading zeros included, reads as Number of it and is a value text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,20}$/), (digits) => {
        assert.equal(parseCellValue(digits), Number(digits));
        assert.equal(isValueText(digits), true);
        assert.equal(isValueText(` ${digits}\u3000`), true);
      }),
      { numRuns: 300, seed: 9 },
    );
    assert.equal(parseCellValue('007'), 7);
    assert.equal(parseCellValue('999999999999999'), 999999999999999);
    assert.equal(parseCellValue('12345678901234567'), 12345678901234568); // past 15 digits: Number's rounding
  });

  it('a digit run with anything else is not taken for digits: full-width, sign, unit, separator, point', () => {
    assert.equal(parseCellValue('１２'), 12);
    assert.equal(parseCellValue('-12'), -12);
    assert.equal(parseCellValue('12件'), 12);
    assert.equal(parseCellValue('1,234'), 1234);
    assert.equal(parseCellValue('1.50'), 1.5);
    assert.equal(parseCellValue('1 2'), null);
    assert.equal(parseCellValue('12a'), null);
    assert.equal(isValueText('12a'), false);
  });
});

describe('isValueText decides padded cells and labels without parsing them (issue #9): the answer parsing gives', () => {
  /** What isValueText answered when every non-blank text went through cellRaw and the parse memo. */
  const reference = (text: string): boolean => {
    const raw = cellRaw(text);
    return raw.length === 0 || isNullMarker(raw) || parseCellValue(raw) !== null || isMalformedNumber(raw) || isMarkedNumber(raw);
  };
  const alphabet = [
    ...'0123456789０１２３４５６７８９.,+-＋－−．，／/增减万元件条个项无不适用—─–属于国家秘密（）() ab',
    ' ',
    '\t',
    '\n',
    '\r',
    '\u3000',
    '\u00a0',
    '\ufeff',
  ];
  it('agrees with parsing on texts of digits, signs, units, markers, CJK and whitespace', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }), (chars) => {
        const text = chars.join('');
        assert.equal(isValueText(text), reference(text), JSON.stringify(text));
      }),
      { numRuns: 20_000, seed: 3 },
    );
  });
  it('cellKind: blank when cellRaw is empty, else value exactly when isValueText (labels decided by their first character)', () => {
    const labelChars = [...'规章（一）予以公开第二十条项信息内容·、“”"[]#|xyZ=_:', '\u200b', '\u2028', '\u0085'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet, ...labelChars), { maxLength: 10 }), (chars) => {
        const text = chars.join('');
        const expected = cellRaw(text) === '' ? CELL_BLANK : reference(text) ? CELL_VALUE : CELL_OTHER;
        assert.equal(cellKind(text), expected, JSON.stringify(text));
      }),
      { numRuns: 30_000, seed: 9 },
    );
  });
  it('padded digits, markers and labels with digits', () => {
    for (const text of [
      ' 12 ',
      '\u300012\u3000',
      ' 0 ',
      ' / ',
      ' 不适用 ',
      '1.属于国家秘密',
      ' 增 ',
      '1,234',
      '１２',
      '1 2',
      '12元',
      '增12',
      '减',
      '— ',
      '1\n2',
    ]) {
      assert.equal(isValueText(text), reference(text), JSON.stringify(text));
    }
  });
});
