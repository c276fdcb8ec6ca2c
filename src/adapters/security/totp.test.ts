// TOTP against the RFCs' own vectors: RFC 4226 Appendix D (HOTP), RFC 6238 Appendix B (TOTP, SHA-1 /
// SHA-256 / SHA-512, 8 digits) and RFC 4648 §10 (base32); then the port's window and refusals.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { base32Decode, base32Encode, createTotp, hotp, totpCode } from './totp.ts';

const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'ascii'));

describe('RFC vectors', () => {
  test('RFC 4226 Appendix D: HOTP of counters 0–9', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    for (const [counter, code] of expected.entries()) {
      assert.equal(hotp(ascii('12345678901234567890'), counter), code, `counter ${counter}`);
    }
  });

  test('RFC 6238 Appendix B: TOTP with SHA-1, SHA-256 and SHA-512, 8 digits', () => {
    const keys = {
      sha1: ascii('12345678901234567890'),
      sha256: ascii('12345678901234567890123456789012'),
      sha512: ascii('1234567890123456789012345678901234567890123456789012345678901234'),
    } as const;
    const table: [number, string, string, string][] = [
      [59, '94287082', '46119246', '90693936'],
      [1111111109, '07081804', '68084774', '25091201'],
      [1111111111, '14050471', '67062674', '99943326'],
      [1234567890, '89005924', '91819424', '93441116'],
      [2000000000, '69279037', '90698825', '38618901'],
      [20000000000, '65353130', '77737706', '47863826'],
    ];
    for (const [seconds, sha1, sha256, sha512] of table) {
      const at = new Date(seconds * 1000);
      assert.equal(totpCode(keys.sha1, at, 8, 'sha1'), sha1, `SHA-1 at ${seconds}`);
      assert.equal(totpCode(keys.sha256, at, 8, 'sha256'), sha256, `SHA-256 at ${seconds}`);
      assert.equal(totpCode(keys.sha512, at, 8, 'sha512'), sha512, `SHA-512 at ${seconds}`);
    }
  });

  test('RFC 4648 §10: base32 both ways (padding dropped on output, ignored on input)', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [plain, encoded] of vectors) {
      assert.equal(base32Encode(ascii(plain)), encoded);
      assert.equal(Buffer.from(base32Decode(encoded) ?? []).toString('ascii'), plain);
    }
    assert.equal(Buffer.from(base32Decode('mzxw6ytboi======') ?? []).toString('ascii'), 'foobar');
    assert.equal(base32Decode('MZXW1'), undefined, '1 is not base32');
  });
});

describe('the TOTP port', () => {
  const totp = createTotp();
  const secret = base32Encode(ascii('12345678901234567890'));

  test('a new secret is 32 base32 characters (160 bits), different each time', () => {
    const a = totp.newSecret();
    assert.match(a, /^[A-Z2-7]{32}$/);
    assert.notEqual(a, totp.newSecret());
  });

  test('the code of this step and of one step either side match; two steps away does not', () => {
    const at = new Date(1111111111 * 1000);
    const step = Math.floor(1111111111 / 30);
    const key = ascii('12345678901234567890');
    assert.equal(totp.matchStep(secret, hotp(key, step), at), step);
    assert.equal(totp.matchStep(secret, hotp(key, step - 1), at), step - 1);
    assert.equal(totp.matchStep(secret, hotp(key, step + 1), at), step + 1);
    assert.equal(totp.matchStep(secret, hotp(key, step - 2), at), undefined);
    for (const bad of ['', '12345', '1234567', 'abcdef', '050471 ']) {
      assert.equal(totp.matchStep(secret, bad, at), undefined, JSON.stringify(bad));
    }
  });

  test('the otpauth URI names issuer, account and secret', () => {
    assert.equal(
      totp.uri({ secret, account: 'wang', issuer: 'gongkai' }),
      `otpauth://totp/gongkai:wang?secret=${secret}&issuer=gongkai&algorithm=SHA1&digits=6&period=30`,
    );
  });
});
