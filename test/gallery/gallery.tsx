/**
 * A standalone page with one of every output kind, for screenshots and for looking at the
 * renderers by hand (hostile HTML stays inert, the 100k-row table scrolls). A dev page, outside
 * the shipped renderer: `npx vite --config test/gallery/vite.config.ts`, then open the URL it
 * prints. test/e2e/html-sanitiser.test.ts checks the sanitiser in the app itself.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Output } from '../../core/outputs';
import type { CellLocation } from '../../core/protocol';
import { MarkdownView } from '../../renderer/markdown/MarkdownView';
import * as sample from './gallery-data';
import { OutputArea } from '../../renderer/outputs/OutputArea';
import { sanitizeHtml, sanitizeSvg } from '../../renderer/outputs/sanitize-html';

declare global {
  interface Window {
    quarryGallery?: {
      sanitizeHtml: typeof sanitizeHtml;
      sanitizeSvg: typeof sanitizeSvg;
      errorLocations: CellLocation[];
    };
  }
}

const errorLocations: CellLocation[] = [];
window.quarryGallery = { sanitizeHtml, sanitizeSvg, errorLocations };

/** Raster images drawn here, so the page needs no binary fixtures. */
function drawnImage(type: 'image/png' | 'image/jpeg'): string {
  const canvas = document.createElement('canvas');
  canvas.width = 160;
  canvas.height = 80;
  const g = canvas.getContext('2d');
  if (g) {
    const gradient = g.createLinearGradient(0, 0, 160, 80);
    gradient.addColorStop(0, '#34a853');
    gradient.addColorStop(1, type === 'image/png' ? '#4285f4' : '#fbbc05');
    g.fillStyle = gradient;
    g.fillRect(0, 0, 160, 80);
    g.fillStyle = '#fff';
    g.font = 'bold 16px sans-serif';
    g.fillText(type, 16, 46);
  }
  return canvas.toDataURL(type).split(',')[1] ?? '';
}

const images: Output = sample.result(
  { 'image/png': drawnImage('image/png'), 'text/plain': '<Figure size 160x80 (PNG)>' },
  {},
);
const sections: { title: string; outputs: Output[] }[] = [
  { title: 'Streams (stdout with ANSI colours, stderr)', outputs: sample.streams },
  { title: 'Table: 100,000 rows of 2,500,000', outputs: [sample.bigTable(100_000)] },
  { title: 'Small table (kernel bundle)', outputs: [sample.smallTable] },
  { title: 'Plotly chart', outputs: [sample.chart] },
  { title: 'Hostile HTML (must stay inert)', outputs: [sample.maliciousHtml] },
  {
    title: 'Images: PNG, JPEG, SVG (the SVG carries script)',
    outputs: [
      images,
      sample.result({ 'image/jpeg': drawnImage('image/jpeg') }),
      sample.result({ 'image/svg+xml': sample.maliciousSvg, 'text/plain': 'SVG badge' }),
    ],
  },
  { title: 'Markdown output', outputs: [sample.result({ 'text/markdown': sample.markdown })] },
  {
    title: 'Errors (Quarry and an imported Python traceback)',
    outputs: [sample.error, sample.pythonError],
  },
  { title: 'Plain text and fallbacks', outputs: sample.fallbacks },
];

function Gallery() {
  return (
    <main
      style={{ maxWidth: 960, margin: '16px auto', padding: '0 16px', fontFamily: 'system-ui' }}
    >
      <h1 style={{ fontSize: 20 }}>Quarry output renderers</h1>
      {sections.map((section, i) => (
        <section key={section.title} style={{ margin: '20px 0' }} data-section={i + 1}>
          <h2 style={{ fontSize: 14, color: '#57606a', margin: '0 0 6px' }}>{section.title}</h2>
          <OutputArea
            outputs={section.outputs}
            cellNumber={i + 1}
            onErrorLocation={(location) => errorLocations.push(location)}
          />
        </section>
      ))}
      <section style={{ margin: '20px 0' }}>
        <h2 style={{ fontSize: 14, color: '#57606a', margin: '0 0 6px' }}>Markdown cell</h2>
        <MarkdownView source={sample.markdown.replace('## Markdown output', '# A markdown cell')} />
      </section>
    </main>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <Gallery />
    </StrictMode>,
  );
