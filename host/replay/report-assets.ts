/**
 * plotly's browser bundle (plotly.js-dist-min, about 4.5 MB), read from node_modules when a
 * report has a chart and inlined in the page, so charts draw with no network. It is resolved
 * from this module's own URL, which works from the sources (tsx, vitest) and from the bundled
 * CLI alike: build-cli.mjs keeps packages external, so dist/cli/ resolves it from the
 * project's node_modules.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

let plotly: Promise<string> | null = null;

export class ReportAssetError extends Error {}

export function plotlySource(): Promise<string> {
  plotly ??= loadPlotly();
  // A failed read (a broken install) may be mended: do not keep the rejection.
  plotly.catch(() => {
    plotly = null;
  });
  return plotly;
}

async function loadPlotly(): Promise<string> {
  let file: string;
  try {
    file = createRequire(import.meta.url).resolve('plotly.js-dist-min');
  } catch {
    throw new ReportAssetError(
      'the HTML report needs plotly.js-dist-min to draw charts, and it is not installed: run npm ci',
    );
  }
  // The HTML parser reads CR LF as LF; the script's hash must be of the text it will see.
  const source = (await readFile(file, 'utf8')).replace(/\r\n?/g, '\n');
  // Inlined, this text would end the script element early (or open a comment in it).
  if (/<\/script|<!--/i.test(source))
    throw new ReportAssetError(
      `${file} cannot be inlined in a <script> element: it holds "</script" or "<!--"`,
    );
  return source;
}
