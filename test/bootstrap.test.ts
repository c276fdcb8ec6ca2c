// Issue #10: the first run leaves the clone clean and quiet. scripts/bootstrap.sh runs against a
// stand-in npm (a script that prints npm's usual chatter, can refuse `npm ci` and rewrites
// package-lock.json on `npm install`, as npm 11 does), with the real Node of this test run.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmod, copyFile, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { makeTempDir } from '#test/temp-dir.ts';
import { ROOT } from './cli/report-cli-harness.ts';

const LOCK = '{"lockfileVersion": 3, "note": "as committed"}\n';

async function project(ciFails: boolean): Promise<string> {
  const root = await makeTempDir('gongkai-bootstrap-');
  await mkdir(join(root, 'scripts'));
  await copyFile(join(ROOT, 'scripts/bootstrap.sh'), join(root, 'scripts/bootstrap.sh'));
  await writeFile(join(root, 'package.json'), '{"name": "x"}\n');
  await writeFile(join(root, 'package-lock.json'), LOCK);
  await mkdir(join(root, '.tools/node/bin'), { recursive: true });
  await symlink(process.execPath, join(root, '.tools/node/bin/node'));
  await mkdir(join(root, '.tools/npm/package/bin'), { recursive: true });
  const npm = join(root, '.tools/npm/package/bin/npm-cli.js');
  await writeFile(
    npm,
    `const fs = require('node:fs');
const verb = process.argv[2];
console.log('added 277 packages in 21s');
console.error('npm warn deprecated something');
if (verb === 'ci' && ${ciFails}) process.exit(1);
if (verb === 'install') fs.writeFileSync('package-lock.json', '{"rewritten": true}');
fs.mkdirSync('node_modules', { recursive: true });
`,
  );
  await chmod(npm, 0o755);
  // The embedded database's template builder (issue #7): run once the dependencies are in, quietly.
  const builder = join(root, 'src/adapters/db/embedded');
  await mkdir(builder, { recursive: true });
  await writeFile(
    join(builder, 'build-template.ts'),
    "console.log('building'); console.error('noise'); require('node:fs').writeFileSync(__dirname + '/built', 'yes');\n",
  );
  return root;
}

function bootstrap(root: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile('bash', ['-c', 'source scripts/bootstrap.sh'], { cwd: root, env: { ...process.env, GONGKAI_ROOT: root } }, (error, out, err) =>
      resolve({ code: error === null ? 0 : Number(error.code), out, err }),
    );
  });
}

test('the first run installs with npm ci and prints one line of its own, none of npm’s', async () => {
  const root = await project(false);
  const run = await bootstrap(root);
  assert.deepEqual(run, { code: 0, out: '', err: 'gongkai: 正在安装依赖（npm ci）…\n' });
  assert.equal(await readFile(join(root, 'package-lock.json'), 'utf8'), LOCK);
  assert.equal(await readFile(join(root, 'src/adapters/db/embedded/built'), 'utf8'), 'yes', 'the database template was built');
});

test('when npm ci refuses, the npm install fallback leaves package-lock.json as committed', async () => {
  const root = await project(true);
  const run = await bootstrap(root);
  assert.equal(run.code, 0, run.err);
  assert.equal(run.out, '');
  assert.doesNotMatch(run.err, /added|npm warn/u);
  assert.equal(await readFile(join(root, 'package-lock.json'), 'utf8'), LOCK);
});
