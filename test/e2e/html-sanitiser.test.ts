/**
 * The HTML sanitiser (renderer/outputs/sanitize-html.ts) in the real app, in Chromium: a notebook
 * whose saved outputs and markdown carry hostile HTML — script tags, on* handlers, javascript:
 * URLs, srcdoc frames, SVG with script, form actions, meta refresh, CSS expressions — opens, and
 * nothing of it runs (no dialog, no global set, the page stays where it is), while the harmless
 * parts still show. Needs `npm run build` and /usr/bin/chromium.
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSampleData } from '../../samples/generate-data';
import {
  CHROMIUM,
  launchBrowser,
  makeWorkspace,
  outputRegion,
  screenshot,
  startServer,
  writeNotebookFile,
  type Server,
} from './app-harness';

/** Each vector, if it ran, would record its name here (or open a dialog). */
const ran = (name: string) => `(window.__hostile = window.__hostile || []).push('${name}')`;

/** Would take the page away at once (to a blank page, where no check could run). */
const metaRefresh = '<meta http-equiv="refresh" content="0;url=about:blank">';

const hostileHtml = [
  '<p id="harmless">Harmless paragraph with <b>bold</b> text.</p>',
  `<script>${ran('script')}</script>`,
  `<img src="data:," alt="broken" onerror="${ran('onerror')};alert('onerror')">`,
  `<a id="js-link" href="javascript:${ran('javascript-url')}">a javascript: link</a>`,
  `<iframe srcdoc="<script>parent.${ran('srcdoc')}</script>"></iframe>`,
  `<svg width="20" height="20"><script>${ran('inline-svg')}</script>`,
  `<circle r="5" onload="${ran('svg-onload')}"/></svg>`,
  `<form action="javascript:${ran('form-action')}"><button id="send">Send</button></form>`,
  metaRefresh,
  `<div id="styled" style="color: rgb(1, 2, 3); width: expression(alert('css'))">Styled text</div>`,
  `<details open ontoggle="${ran('ontoggle')}"><summary>More</summary>hidden</details>`,
  `<object data="javascript:${ran('object')}"></object>`,
  `<embed src="javascript:${ran('embed')}">`,
  `<math><mtext><table><mglyph><style><img src="data:," onerror="${ran('mxss')}">`,
  '</style></mglyph></table></mtext></math>',
  '<table><tr><td id="cell">kept cell</td></tr></table>',
].join('\n');

const hostileSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" onload="${ran('svg-image-onload')}"><script>${ran('svg-image')}</script><rect width="40" height="40" fill="#4285f4"/></svg>`;

const hostileMarkdown = [
  '## Markdown heading stays',
  '',
  `<img src="data:," onerror="${ran('markdown-onerror')}">`,
  '',
  // Parentheses escaped, so markdown reads the whole URL; a click would decode and run it.
  '[a markdown link](javascript:alert%28%27markdown-link%27%29)',
].join('\n');

const available = existsSync(CHROMIUM);

describe.skipIf(!available)('hostile HTML outputs in the app (Chromium)', () => {
  let browser: Browser;
  let server: Server;
  let page: Page;
  const dialogs: string[] = [];
  const startUrl = { value: '' };

  beforeAll(async () => {
    await ensureSampleData();
    const { dir, stateDir } = makeWorkspace();
    const notebook = writeNotebookFile(dir, 'hostile.ipynb', [
      {
        cell_type: 'code',
        source: 'display(html)',
        execution_count: 1,
        outputs: [
          { output_type: 'display_data', data: { 'text/html': hostileHtml }, metadata: {} },
          {
            output_type: 'display_data',
            data: { 'image/svg+xml': hostileSvg, 'text/plain': 'badge' },
            metadata: {},
          },
        ],
      },
      { cell_type: 'markdown', source: hostileMarkdown },
    ]);
    server = await startServer(notebook, stateDir);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Listening from before the page loads: the outputs render as soon as the notebook opens.
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(server.url);
    startUrl.value = page.url();
    await outputRegion(page, 1).locator('#harmless').waitFor({ timeout: 60_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('runs nothing, even when the links and the button are clicked', async () => {
    const output = outputRegion(page, 1);
    await output.locator('#js-link').click();
    // The form and its button are gone; clicking where a form would be does nothing either way.
    expect(await output.locator('#send').count()).toBe(0);
    await output.getByText('More').click();
    // Links are inert (no href, so no link role): the markdown one is clicked by its text.
    await page.locator('.q-markdown a', { hasText: 'a markdown link' }).click();
    // Give a meta refresh, a late onerror or an SVG's onload time to fire.
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => Reflect.get(globalThis, '__hostile') ?? [])).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(page.url()).toBe(startUrl.value);
    await screenshot(page, 'html-sanitiser');
  });

  it('leaves no script, handler, frame, form, meta or javascript: URL in the DOM', async () => {
    const found = await outputRegion(page, 1).evaluate((root) => {
      const all = [...root.querySelectorAll('*')];
      return {
        scripts: root.querySelectorAll('script').length,
        frames: root.querySelectorAll('iframe, frame, object, embed').length,
        forms: root.querySelectorAll('form, button, input').length,
        metas: root.querySelectorAll('meta, base, link, style').length,
        handlers: all.flatMap((el) =>
          [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name),
        ),
        javascriptUrls: all.flatMap((el) =>
          [...el.attributes].filter((a) => /^\s*javascript:/i.test(a.value)).map((a) => a.name),
        ),
        hrefs: root.querySelectorAll('[href]').length,
        // Inline style stays; Chromium's CSS parser drops an IE `expression()` declaration.
        expressions: all.filter((el) => /expression/i.test(el.style.cssText)).length,
      };
    });
    expect(found).toEqual({
      scripts: 0,
      frames: 0,
      forms: 0,
      metas: 0,
      handlers: [],
      javascriptUrls: [],
      hrefs: 0,
      expressions: 0,
    });
  });

  it('keeps the harmless parts: text, markup, tables, inline style, images, markdown', async () => {
    const output = outputRegion(page, 1);
    await expect(output.locator('#harmless b').textContent()).resolves.toBe('bold');
    await expect(output.locator('#cell').textContent()).resolves.toBe('kept cell');
    await expect(
      output
        .locator('#styled')
        .evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).color),
    ).resolves.toBe('rgb(1, 2, 3)');
    const link = output.locator('#js-link');
    await expect(link.textContent()).resolves.toBe('a javascript: link');
    const badge = output.getByRole('img', { name: 'badge' });
    await expect(
      badge.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).resolves.toBe(40);
    await expect(
      page.getByRole('heading', { name: 'Markdown heading stays' }).count(),
    ).resolves.toBe(1);
  });

  /**
   * The control: the payloads are live and the checks see them. The app's Content-Security-Policy
   * would stop most of them even unsanitised, so they are shown in a page without one: a plain
   * page of the same browser, where they run. (The DOM check above is what holds the sanitiser
   * itself to account, whatever the policy.)
   */
  it('would notice: the same HTML in a page without the sanitiser or a policy runs', async () => {
    const plain = await browser.newPage();
    const seen: string[] = [];
    plain.on('dialog', (dialog) => {
      seen.push(dialog.message());
      void dialog.dismiss();
    });
    // Without the refresh, which would leave for a blank page before anything is read.
    await plain.setContent(hostileHtml.replace(metaRefresh, ''));
    await plain.waitForTimeout(500);
    const ran = await plain.evaluate(() => Reflect.get(globalThis, '__hostile'));
    await plain.close();
    expect(ran).toEqual(expect.arrayContaining(['script', 'onerror', 'inline-svg', 'ontoggle']));
    expect(seen).toContain('onerror');
  });
});
