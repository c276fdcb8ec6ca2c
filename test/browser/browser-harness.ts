// The browser end-to-end tests' harness (issue #8): playwright-core drives Debian's chromium (never a
// downloaded browser) against the real `gongkai serve` on an embedded data directory, one server and
// one browser per test file. `./gongkai test` installs chromium and fonts-noto-cjk first
// (scripts/ensure-browser.sh); where there is no chromium the tests skip with the reason.
import assert from 'node:assert/strict';
import { accessSync, constants } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { runCli, type ServerProcess, startServerProcess } from '../http/server-process.ts';

/** The flags every launch passes (playwright adds a fresh --user-data-dir of its own, removed on close). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where screenshots go (gitignored): test-artifacts/screenshots/ at the repository root. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-artifacts/screenshots/', import.meta.url));

/** Debian's chromium: $GONGKAI_CHROMIUM, /usr/bin/chromium, or chromium on the PATH; undefined when none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [
    env['GONGKAI_CHROMIUM'],
    '/usr/bin/chromium',
    ...(env['PATH'] ?? '').split(delimiter).flatMap((dir) => (dir === '' ? [] : [join(dir, 'chromium'), join(dir, 'chromium-browser')])),
  ];
  for (const candidate of candidates) {
    if (candidate === undefined || candidate === '') {
      continue;
    }
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not there
    }
  }
  return undefined;
}

/** The skip reason for a browser test file: false when chromium is there. */
export function browserSkipReason(): string | false {
  return findChromium() === undefined
    ? '未找到 Debian 的 chromium（./gongkai test 会用 apt-get 安装 chromium 和 fonts-noto-cjk；或运行 bash scripts/ensure-browser.sh）'
    : false;
}

/**
 * The file's server and browser, started side by side; when either fails the other is stopped again
 * (a chromium left running would keep the test process alive).
 */
export async function startServerAndBrowser(options: Parameters<typeof startPortalServer>[0] = {}): Promise<[PortalServer, Browser]> {
  const [server, browser] = await Promise.allSettled([startPortalServer(options), launchChromium()]);
  if (server.status === 'fulfilled' && browser.status === 'fulfilled') {
    return [server.value, browser.value];
  }
  await Promise.allSettled([
    server.status === 'fulfilled' ? server.value.stop() : undefined,
    browser.status === 'fulfilled' ? browser.value.close() : undefined,
  ]);
  throw server.status === 'rejected' ? server.reason : (browser as PromiseRejectedResult).reason;
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  assert.ok(executablePath, 'chromium not found');
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS, timeout: 60_000 });
}

/**
 * One chromium and one page for the tests of the suite this is called in (its before and after hooks);
 * the getter fails a test that runs without them. `chromiumPage.skip` is the suite's skip reason.
 */
export function chromiumPage(): () => Page {
  let browser: Browser | undefined;
  let page: Page | undefined;
  before(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
  });
  return () => {
    assert.ok(page, 'chromium did not start');
    return page;
  };
}
chromiumPage.skip = browserSkipReason();

export interface PortalServer {
  readonly url: string;
  readonly server: ServerProcess;
  /** The 办理人 (officer) of the agency: `<slug>-officer`, password STAFF_PASSWORD (only with `staff`). */
  readonly officer: string;
  /** Its 审核人 (reviewer) `<slug>-reviewer` and 机构管理员 `<slug>-admin` (only with `staff`). */
  readonly reviewer: string;
  readonly admin: string;
  readonly slug: string;
  readonly agencyName: string;
  readonly env: NodeJS.ProcessEnv;
  readonly dataDir: string;
  stop(): Promise<void>;
}

/**
 * The real `gongkai serve` on a fresh embedded data directory (never CI's DATABASE_URL) with one
 * agency (`gongkai agency add`) and, when `staff`, its agency_admin `<slug>-admin`, officer `<slug>-officer` and reviewer `<slug>-reviewer`
 * (password `correct horse battery staple`) and the letter settings (复议机关, 法院). The CLI commands run before the server
 * starts: the first one migrates, and a cold server start on a migrated directory is quickest.
 */
export async function startPortalServer(options: { slug?: string; agencyName?: string; staff?: boolean } = {}): Promise<PortalServer> {
  const slug = options.slug ?? 'edu';
  const agencyName = options.agencyName ?? '示例市教育局';
  const dataDir = await mkdtemp(join(tmpdir(), 'gongkai-browser-'));
  const env: NodeJS.ProcessEnv = { ...process.env, GONGKAI_DATA_DIR: dataDir, GONGKAI_USER: 'e2e' };
  delete env['DATABASE_URL'];
  const cli = async (args: readonly string[], stdin?: string): Promise<string> => {
    const result = await runCli(args, env, stdin);
    assert.equal(result.code, 0, `gongkai ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
  };
  try {
    return await startWith(env, dataDir, slug, agencyName, options.staff === true, cli);
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

async function startWith(
  env: NodeJS.ProcessEnv,
  dataDir: string,
  slug: string,
  agencyName: string,
  staff: boolean,
  cli: (args: readonly string[], stdin?: string) => Promise<string>,
): Promise<PortalServer> {
  await cli(['agency', 'add', slug, '--name', agencyName]);
  if (staff) {
    await cli(['user', 'add', `${slug}-admin`, '--agency', slug, '--role', 'agency_admin', '--password-stdin'], `${STAFF_PASSWORD}\n`);
    await cli(['user', 'add', `${slug}-officer`, '--agency', slug, '--role', 'officer', '--password-stdin'], `${STAFF_PASSWORD}\n`);
    await cli(['user', 'add', `${slug}-reviewer`, '--agency', slug, '--role', 'reviewer', '--password-stdin'], `${STAFF_PASSWORD}\n`);
    // Reply letters name where the applicant can appeal: the agency's settings an administrator makes first.
    await cli(['letter', 'settings', 'set', 'letter.review-organ', '示例市人民政府', '--agency', slug]);
    await cli(['letter', 'settings', 'set', 'letter.court', '示例市中级人民法院', '--agency', slug]);
  }
  const server = await startServerProcess({ env, timeoutMs: 120_000 });
  return {
    url: server.url,
    server,
    officer: `${slug}-officer`,
    reviewer: `${slug}-reviewer`,
    admin: `${slug}-admin`,
    slug,
    agencyName,
    env,
    dataDir,
    async stop() {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const STAFF_PASSWORD = 'correct horse battery staple';

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[]; readonly failureSummary?: string }[];
}

/**
 * axe-core's violations on the page as it is now: every rule axe runs by default (WCAG 2.0/2.1 A
 * and AA plus best practices). Injected through the DevTools protocol, so the page's
 * Content-Security-Policy (no inline script) stays in force for the page itself.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= (require('axe-core') as { source: string }).source;
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } })
      .axe;
    const result = await axe.run((globalThis as unknown as Dom).document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, ...(n.failureSummary === undefined ? {} : { failureSummary: n.failureSummary }) })),
    }));
  });
}

/** Asserts that axe finds nothing, listing every violation (rule, help, elements) when it does. */
export async function assertNoAxeViolations(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.deepEqual(
    violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
    `axe-core violations on ${what}`,
  );
}

/** The page's horizontal overflow in CSS pixels (0 = no horizontal scrolling). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as Dom;
    return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - document.documentElement.clientWidth;
  });
}

/** The little of the DOM the in-page callbacks use (the project's TypeScript has no DOM library). */
interface DomElement {
  readonly tagName: string;
  readonly id: string;
  readonly textContent: string | null;
  readonly scrollWidth: number;
  readonly clientWidth: number;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { readonly width: number; readonly height: number; readonly left: number; readonly top: number };
}
interface Dom {
  readonly document: { readonly activeElement: DomElement | null; readonly body: DomElement; readonly documentElement: DomElement };
  getComputedStyle(element: DomElement): { readonly outlineStyle: string; readonly outlineWidth: string };
}

export interface Focused {
  readonly tag: string;
  readonly id: string;
  readonly name: string | null;
  readonly type: string | null;
  readonly text: string;
  /** A focus outline of at least 2 px is drawn. */
  readonly outline: boolean;
  /** The element is on screen (not the skip link parked off-screen). */
  readonly visible: boolean;
}

/** The focused element (null when focus is on the body). */
export function focusedElement(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const dom = globalThis as unknown as Dom;
    const element = dom.document.activeElement;
    if (element === null || element === dom.document.body) {
      return null;
    }
    const style = dom.getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      name: element.getAttribute('name'),
      type: element.getAttribute('type'),
      text: (element.textContent ?? '').trim(),
      outline: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2,
      visible: box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0,
    };
  });
}

/** Saves a full-page screenshot as test-artifacts/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = await screenshotPath(name);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** test-artifacts/screenshots/<name>.png (the folder made). */
export async function screenshotPath(name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  return join(SCREENSHOT_DIR, `${name}.png`);
}

/** Viewports the layout must hold at (no horizontal scrolling). */
export const VIEWPORTS: Readonly<Record<string, BrowserContextOptions>> = {
  desktop: { viewport: { width: 1280, height: 800 } },
  /** 1280×800 at 200% browser zoom: CSS pixels halve, device pixels stay. */
  zoom200: { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
  /** A phone (360 CSS px wide, the common Android width). */
  phone: { viewport: { width: 360, height: 740 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  /** WCAG 1.4.10 reflow: 320 CSS px (1280 at 400%). */
  reflow320: { viewport: { width: 320, height: 640 } },
};

export async function newContext(browser: Browser, options: BrowserContextOptions = VIEWPORTS['desktop'] ?? {}): Promise<BrowserContext> {
  return browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
}
