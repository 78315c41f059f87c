/**
 * Measures what a self-hosted Arabic web font would cost against the system fonts the Arabic
 * edition uses (decision 014), on the same page of a running server, in one run, alternating:
 * Lighthouse mobile with applied throttling (devtools) and with its simulated model.
 *
 *   npx tsx scripts/measure-arabic-font.ts [--base http://localhost:3000] [--path /ar/...] [--runs 3]
 *
 * Two small proxies stand in front of the server: one passes pages through as they are, the
 * other adds Noto Naskh Arabic (the Arabic subset of @fontsource/noto-naskh-arabic, regular
 * and bold, woff2, preloaded, font-display: swap) to the Arabic font stack. Both take the same
 * path, so the only difference is the font. The page's Content-Security-Policy is dropped by
 * both (the injected style is not in it); nothing else changes.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import readline from 'node:readline';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { lighthouse, type LighthouseResult } from './lighthouse';

const { values } = parseArgs({
  options: { base: { type: 'string' }, path: { type: 'string' }, runs: { type: 'string' }, serve: { type: 'string' } },
});
const base = values.base ?? 'http://localhost:3000';
const pagePath = values.path ?? '/ar/europe/20180427-europol-is-propaganda-servers';
const runs = Number(values.runs ?? 3);

const fontDir = path.resolve('node_modules/@fontsource/noto-naskh-arabic/files');
const fonts = { 400: 'noto-naskh-arabic-arabic-400-normal.woff2', 700: 'noto-naskh-arabic-arabic-700-normal.woff2' } as const;
const head = `<link rel="preload" href="/__font/${fonts[400]}" as="font" type="font/woff2" crossorigin>
<style>
${Object.entries(fonts)
  .map(
    ([weight, file]) =>
      `@font-face{font-family:'Noto Naskh Arabic Web';font-style:normal;font-weight:${weight};font-display:swap;src:url(/__font/${file}) format('woff2');unicode-range:U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0898-08E1,U+08E3-08FF,U+200C-200E,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC;}`,
  )
  .join('\n')}
html[lang='ar']{--font-ui:'Noto Naskh Arabic Web',system-ui,sans-serif;--font-text:'Noto Naskh Arabic Web',serif}
</style>`;

/** A proxy in this process: what `--serve plain|font` runs, printing its address. */
function serveProxy(withFont: boolean): Promise<{ url: string; close: () => void }> {
  const server = http.createServer(async (request, response) => {
    const url = request.url ?? '/';
    if (url.startsWith('/__font/')) {
      const file = path.join(fontDir, path.basename(url));
      response.writeHead(200, { 'Content-Type': 'font/woff2', 'Cache-Control': 'public, max-age=31536000, immutable' });
      response.end(fs.readFileSync(file));
      return;
    }
    const upstream = await fetch(`${base}${url}`, { headers: { 'accept-encoding': 'identity', accept: request.headers.accept ?? '*/*' }, redirect: 'manual' });
    const headers = Object.fromEntries(
      [...upstream.headers].filter(([name]) => !['content-security-policy', 'content-length', 'content-encoding', 'transfer-encoding'].includes(name)),
    );
    let body = Buffer.from(await upstream.arrayBuffer());
    if (withFont && (upstream.headers.get('content-type') ?? '').includes('text/html'))
      body = Buffer.from(body.toString('utf8').replace('</head>', `${head}</head>`));
    response.writeHead(upstream.status, headers);
    response.end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}`, close: () => server.close() });
    }),
  );
}

/**
 * A proxy in a process of its own: Lighthouse runs synchronously here (lib: scripts/lighthouse.ts),
 * which would stop a proxy in this process from answering.
 */
function proxy(withFont: boolean): Promise<{ url: string; close: () => void }> {
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, '--base', base, '--serve', withFont ? 'font' : 'plain'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve) => {
    readline.createInterface({ input: child.stdout! }).once('line', (url) => resolve({ url, close: () => child.kill() }));
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

if (values.serve) {
  const { url } = await serveProxy(values.serve === 'font');
  console.log(url);
  await new Promise(() => {});
}

const plain = await proxy(false);
const withFont = await proxy(true);
const results: Record<string, Record<string, LighthouseResult[]>> = { applied: { system: [], webFont: [] }, simulated: { system: [], webFont: [] } };
for (let run = 0; run < runs; run += 1) {
  for (const [mode, args] of [
    ['applied', ['--throttling-method=devtools']],
    ['simulated', []],
  ] as const) {
    results[mode]!.system!.push(lighthouse(`${plain.url}${pagePath}`, [...args]));
    results[mode]!.webFont!.push(lighthouse(`${withFont.url}${pagePath}`, [...args]));
  }
}
plain.close();
withFont.close();

console.log(`Arabic font on ${pagePath}: median of ${runs} alternating Lighthouse mobile runs`);
console.log('| throttling | fonts | LCP ms (runs) | CLS | performance |');
console.log('| --- | --- | --- | --- | --- |');
for (const [mode, byFont] of Object.entries(results)) {
  for (const [fonts, list] of Object.entries(byFont)) {
    const lcp = list.map((r) => Math.round(r.lcpMs));
    console.log(
      `| ${mode} | ${fonts === 'system' ? 'system stack' : 'Noto Naskh Arabic, self-hosted'} | ${median(lcp)} (${lcp.join(', ')}) | ${median(list.map((r) => r.cls)).toFixed(3)} | ${median(list.map((r) => r.performance)).toFixed(2)} |`,
    );
  }
}
