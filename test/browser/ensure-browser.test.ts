// scripts/ensure-browser.sh (run by `./gongkai test`): installs Debian's chromium and fonts-noto-cjk for
// the browser tests when they are missing, and never fails the run. Here it runs against stand-ins for
// dpkg-query, apt-get, id and sudo on the PATH that record how they were called.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmod, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { makeTempDir } from '#test/temp-dir.ts';

const SCRIPT = fileURLToPath(new URL('../../scripts/ensure-browser.sh', import.meta.url));

interface Machine {
  /** Packages dpkg-query reports installed (apt-get install adds to them when it succeeds). */
  installed: string[];
  uid: number;
  /** apt-get install succeeds only after apt-get update (an old package list), or never. */
  apt: 'works' | 'needs-update' | 'fails' | 'absent';
  sudo: 'none' | 'passwordless' | 'password';
}

async function run(machine: Machine): Promise<{ code: number; err: string; calls: string[] }> {
  const bin = await makeTempDir('gongkai-ensure-browser-');
  const state = join(bin, 'state');
  const calls = join(bin, 'calls');
  await writeFile(state, `${machine.installed.join('\n')}\n`);
  await writeFile(calls, '');
  const stub = async (name: string, body: string) => {
    await writeFile(join(bin, name), `#!/bin/bash\necho "${name} $*" >> ${calls}\n${body}\n`);
    await chmod(join(bin, name), 0o755);
  };
  // The stand-ins run with this PATH too: they use only bash built-ins, grep and touch.
  await stub('dpkg-query', `pkg="\${@: -1}"; grep -qx "$pkg" ${state} && printf 'install ok installed' || exit 1`);
  await stub('id', `echo ${machine.uid}`);
  if (machine.sudo !== 'none') {
    await stub('sudo', machine.sudo === 'passwordless' ? 'shift; "$@"' : 'echo "sudo: a password is required" >&2; exit 1');
  }
  if (machine.apt !== 'absent') {
    await stub(
      'apt-get',
      `case "$1" in
  update) touch ${bin}/updated ;;
  install)
    if [ "${machine.apt}" = fails ] || { [ "${machine.apt}" = needs-update ] && [ ! -f ${bin}/updated ]; }; then echo "E: Unable to locate package chromium"; exit 100; fi
    for p in "$@"; do case "$p" in -*|install) ;; *) echo "$p" >> ${state} ;; esac; done ;;
esac`,
    );
  }
  // Only the stand-ins and the few basic tools the script uses are on the PATH (never the real apt-get).
  for (const tool of ['grep', 'env', 'mktemp', 'tail', 'rm', 'touch']) {
    await symlink(join('/usr/bin', tool), join(bin, tool)).catch(() => symlink(join('/bin', tool), join(bin, tool)));
  }
  return new Promise((resolve) => {
    execFile('/bin/bash', [SCRIPT], { env: { PATH: bin } }, async (error, _out, err) => {
      resolve({
        code: error === null ? 0 : Number(error.code),
        err,
        calls: (await readFile(calls, 'utf8')).split('\n').filter((l) => l !== '' && !l.startsWith('dpkg-query') && !l.startsWith('id')),
      });
    });
  });
}

test('both packages there: a quiet no-op that calls no apt-get', async () => {
  const result = await run({ installed: ['chromium', 'fonts-noto-cjk'], uid: 0, apt: 'works', sudo: 'none' });
  assert.deepEqual(result, { code: 0, err: '', calls: [] });
});

test('as root, only the missing package is installed, with one line saying so', async () => {
  const result = await run({ installed: ['chromium'], uid: 0, apt: 'works', sudo: 'none' });
  assert.equal(result.code, 0);
  assert.deepEqual(result.calls, ['apt-get install -y --no-install-recommends fonts-noto-cjk']);
  assert.equal(result.err, 'gongkai: 正在安装浏览器测试所需的 Debian 软件包：fonts-noto-cjk …\n');
});

test('an old package list: apt-get update, then the install again', async () => {
  const result = await run({ installed: [], uid: 0, apt: 'needs-update', sudo: 'none' });
  assert.equal(result.code, 0, result.err);
  assert.deepEqual(result.calls, [
    'apt-get install -y --no-install-recommends chromium fonts-noto-cjk',
    'apt-get update',
    'apt-get install -y --no-install-recommends chromium fonts-noto-cjk',
  ]);
  assert.doesNotMatch(result.err, /跳过/u);
});

test('not root: through sudo -n when it needs no password', async () => {
  const result = await run({ installed: [], uid: 1000, apt: 'works', sudo: 'passwordless' });
  assert.equal(result.code, 0);
  assert.deepEqual(result.calls, [
    'sudo -n true',
    'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-noto-cjk',
    'apt-get install -y --no-install-recommends chromium fonts-noto-cjk',
  ]);
});

test('where nothing can be installed the run goes on (exit 0) and says the browser tests will skip, and why', async () => {
  const cases: [Machine, RegExp][] = [
    [{ installed: [], uid: 1000, apt: 'works', sudo: 'password' }, /sudo 需要密码/u],
    [{ installed: [], uid: 1000, apt: 'works', sudo: 'none' }, /不是 root，也没有 sudo/u],
    [{ installed: ['fonts-noto-cjk'], uid: 0, apt: 'absent', sudo: 'none' }, /未找到 apt-get/u],
    [{ installed: [], uid: 0, apt: 'fails', sudo: 'none' }, /apt-get 未成功/u],
  ];
  for (const [machine, why] of cases) {
    const result = await run(machine);
    assert.equal(result.code, 0);
    assert.match(result.err, why);
    assert.match(result.err, /浏览器端到端测试将跳过/u);
    assert.ok(!result.calls.some((call) => call.startsWith('sudo -n env') && machine.sudo !== 'passwordless'));
  }
});
