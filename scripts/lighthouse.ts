import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One Lighthouse run (mobile, its default simulated throttling) in Debian's Chromium: the bench's and the font measurement's. */

/** `scriptBytes`: every script the page loaded until the network was quiet (islands fetched after the first paint included), as transferred. */
export type LighthouseResult = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  /** Time to interactive (Lighthouse's `interactive` audit; NaN if a version drops it). */
  ttiMs: number;
  scriptBytes: number;
  /** The web fonts the page loaded, as transferred, and how many files. */
  fontBytes: number;
  fontFiles: number;
  /** Video and audio the page loaded (none before the reader presses play, decision 025). */
  mediaBytes: number;
};

/**
 * Lighthouse's own transient failures — its trace recording missed the navigation
 * (NO_NAVSTART), Chromium's protocol stalled — say "Please run Lighthouse again": the run is
 * repeated after a second, up to four times, and said so. Anything else fails the bench.
 */
const transientLighthouseError = /Please run Lighthouse again|NO_NAVSTART|NO_TRACING_STARTED|PROTOCOL_TIMEOUT/;

/** `extraArgs`: more Lighthouse flags, e.g. `--throttling-method=devtools` for applied throttling. */
export function lighthouse(url: string, extraArgs: string[] = [], attempt = 1): LighthouseResult {
  const out = path.join(os.tmpdir(), `bench-lh-${Date.now()}.json`);
  const flags = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync';
  const result = spawnSync(
    path.resolve('node_modules/.bin/lighthouse'),
    [url, '--quiet', `--chrome-flags=${flags}`, '--output=json', `--output-path=${out}`, ...extraArgs],
    {
      env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
      encoding: 'utf8',
    },
  );
  if (result.status !== 0 || !fs.existsSync(out)) {
    if (attempt < 5 && transientLighthouseError.test(result.stderr ?? '')) {
      console.error(`bench: lighthouse could not record ${url} (${result.stderr.trim().split('\n').at(-1)}): running it again`);
      fs.rmSync(out, { force: true });
      spawnSync('sleep', ['1']);
      return lighthouse(url, extraArgs, attempt + 1);
    }
    throw new Error(`lighthouse failed for ${url}: ${result.stderr}`);
  }
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(out);
  const category = (id: string) => report.categories[id].score as number;
  return {
    performance: category('performance'),
    accessibility: category('accessibility'),
    bestPractices: category('best-practices'),
    seo: category('seo'),
    lcpMs: report.audits['largest-contentful-paint'].numericValue,
    cls: report.audits['cumulative-layout-shift'].numericValue,
    tbtMs: report.audits['total-blocking-time'].numericValue,
    ttiMs: report.audits['interactive']?.numericValue ?? NaN,
    scriptBytes: transferred(report, 'Script').bytes,
    fontBytes: transferred(report, 'Font').bytes,
    fontFiles: transferred(report, 'Font').files,
    mediaBytes: transferred(report, 'Media').bytes,
  };
}

/** What the page loaded of one kind of resource, as transferred. */
function transferred(
  report: { audits: Record<string, { details?: { items?: unknown[] } }> },
  kind: 'Script' | 'Font' | 'Media',
): { bytes: number; files: number } {
  const items = ((report.audits['network-requests']?.details?.items ?? []) as { resourceType?: string; transferSize?: number; url?: string }[]).filter(
    (item) => item.resourceType === kind || (kind === 'Media' && /\/media\/[0-9a-f]{32}\.(mp4|mov|webm|m4a|mp3|wav)$/.test(item.url ?? '')),
  );
  return { bytes: items.reduce((sum, item) => sum + (item.transferSize ?? 0), 0), files: items.length };
}
