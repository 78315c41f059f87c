import fs from 'node:fs';
import path from 'node:path';
import { lighthouse, type LighthouseResult } from '../lighthouse';
import { shippedFaces } from '../fonts/font-faces';
import { lighthouseRuns } from './config';
import { median } from './report';

// ---- lighthouse ----------------------------------------------------------------------------

/**
 * Several runs; the one with the median LCP, with the median score and blocking time of all
 * the runs (one run's long task can land its score far from the others'), and the LCP and
 * score of every run: whether the framework's script runs before the first paint in
 * Lighthouse's trace is a race (decision 009), so one run can land far from the others.
 */
export type LighthouseMedian = LighthouseResult & { lcpRuns: number[]; performanceRuns: number[] };

/**
 * Each page `lighthouseRuns` times, the pages in turn (floor, ours, floor, ours…), so that a slow
 * spell of the machine falls on all of them. A page may be given flags of its own beside the
 * round's: `[url, flags]`.
 */
export function lighthouseRounds<K extends string>(
  urls: Record<K, string | [string, string[]]>,
  args: string[] = [],
  rounds = lighthouseRuns,
): Record<K, LighthouseMedian> {
  const runs = Object.fromEntries(Object.keys(urls).map((k) => [k, [] as LighthouseResult[]])) as Record<K, LighthouseResult[]>;
  for (let i = 0; i < rounds; i += 1) {
    for (const [k, page] of Object.entries(urls) as [K, string | [string, string[]]][]) {
      const [url, own] = typeof page === 'string' ? [page, []] : page;
      runs[k].push(lighthouse(url, [...args, ...own]));
    }
  }
  return Object.fromEntries((Object.entries(runs) as [K, LighthouseResult[]][]).map(([k, results]) => [k, medianRun(results)])) as Record<K, LighthouseMedian>;
}

/** Of several runs of one page: the one with the median LCP, with the median score and blocking time of all. */
export function medianRun(results: LighthouseResult[]): LighthouseMedian {
  const sorted = [...results].sort((a, b) => a.lcpMs - b.lcpMs);
  return {
    ...sorted[Math.floor(sorted.length / 2)]!,
    performance: median(results.map((r) => r.performance)),
    tbtMs: median(results.map((r) => r.tbtMs)),
    ttiMs: median(results.map((r) => r.ttiMs)),
    lcpRuns: results.map((r) => r.lcpMs),
    performanceRuns: results.map((r) => r.performance),
  };
}

/** The bytes of every face shipped (scripts/fonts/font-faces.ts), by family. */
export function shippedFaceBytes(): Record<string, number> {
  const byFamily: Record<string, number> = {};
  for (const face of shippedFaces) byFamily[face.family] = (byFamily[face.family] ?? 0) + fs.statSync(path.resolve('app/fonts', face.url)).size;
  return byFamily;
}
