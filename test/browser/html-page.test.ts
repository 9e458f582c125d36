import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cli, fixture } from '../helpers.js';

/** Debian's chromium package; `.ci/run` installs it. playwright-core never downloads a browser of its own. */
const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env['CI']) throw new Error(`${CHROMIUM} is missing: .ci/run should have installed the chromium package`);

/** Screenshots land here for a person to look at (git-ignored). */
const SHOTS = join(ROOT, 'test', '.output');

describe.skipIf(!available)('the HTML page in a real browser (headless Chromium, a phone-sized window)', () => {
  let dir: string;
  let browser: BrowserContext;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'centenary-browser-'));
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 1,
      offline: true,
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(datasetFile: string, name: string) {
    const file = join(dir, `${name}.html`);
    const made = cli(['digest', '--file', datasetFile, '--date', '2026-11-26', '--week', '--format', 'html', '--output', file]);
    expect(made.code).toBe(0);
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, requests, url: pathToFileURL(file).href };
  }

  it('renders every event, fetches nothing, fits the phone, and is screenshotted', async () => {
    const { page, requests, url } = await open(fixture('digest-day.json'), 'digest');
    expect(requests).toEqual([url]);
    expect(await page.title()).toBe('100 Years Ago: A feast kept by the Old Style church calendar');
    const titles = page.locator('article.event h3');
    expect(await titles.allInnerTexts()).toEqual([
      'A feast kept by the Old Style church calendar',
      'John Moses Browning dies',
      'Italy and Albania sign the First Treaty of Tirana',
      'Agatha Christie disappears',
    ]);
    for (const title of await titles.all()) {
      expect(await title.isVisible()).toBe(true);
      const box = await title.boundingBox();
      expect(box!.width).toBeGreaterThan(50);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    }
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      fontSize: parseFloat(getComputedStyle(document.body).fontSize),
    }));
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
    expect(layout.fontSize).toBeGreaterThanOrEqual(16);
    const shot = await page.screenshot({ path: join(SHOTS, 'digest-phone.png'), fullPage: true });
    // A PNG, and not a blank one: rendered text makes it far larger than an empty page.
    expect(shot.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(shot.length).toBeGreaterThan(20_000);
    await page.close();
  }, 60_000);

  it('hostile text stays text: no script runs, no dialog opens, a very long word does not widen the page', async () => {
    const { page } = await open(fixture('hostile-formats.json'), 'hostile');
    let dialogs = 0;
    page.on('dialog', async (dialog) => {
      dialogs++;
      await dialog.dismiss();
    });
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('article.event h3').first().innerText()).toContain('<script>alert(1)</script>');
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    const hrefs = await page.locator('a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs).toEqual(['https://example.org/a?b=1&c=%3C2%3E%22x%22%27y%27']);
    await page.screenshot({ path: join(SHOTS, 'hostile-phone.png'), fullPage: true });
    expect(dialogs).toBe(0);
    await page.close();
  }, 60_000);
});
