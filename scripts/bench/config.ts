import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

/** The bench's options, budgets and shared helpers (scripts/bench.ts). */

export const { values } = parseArgs({
  options: {
    ci: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    large: { type: 'string', default: '1000000' },
    duration: { type: 'string' },
    'lighthouse-runs': { type: 'string' },
    'growth-only': { type: 'boolean', default: false },
    /** The growth's stores in PostgreSQL (schemas bench_1000, bench_<large>) at this URL, instead of SQLite files. */
    'growth-postgres': { type: 'string' },
    /** The soak's length (issue 29): 30 minutes in the full form, one in CI's. */
    'soak-minutes': { type: 'string' },
    /** Only the soak, on one server with the default workers (its curve, then exit). */
    'soak-only': { type: 'boolean', default: false },
    'soak-port': { type: 'string', default: '3201' },
    /** Only video and audio (issue 30), on one server with the default workers. */
    'media-only': { type: 'boolean', default: false },
  },
});
export const soakMinutes = Number(values['soak-minutes'] ?? (values.ci ? 1 : 30));
export const ci = values.ci === true;
export const duration = Number(values.duration ?? (ci ? 4 : 10));
export const lighthouseRuns = Number(values['lighthouse-runs'] ?? 3);
/** The applied-throttling rounds the LCP gate reads: at least five, so that one slow spell of the machine moves no median. */
export const appliedLighthouseRuns = Math.max(lighthouseRuns, 5);
export const largeCount = Number(values.large);
export const connections = 32;
export const growthConnections = 8;
export const outDir = path.resolve('.data/bench');
export const pageSize = 10;
fs.mkdirSync(outDir, { recursive: true });

/** Budgets. CI gates on the deterministic figures and on ratios; absolute timings are printed. */
export const budgets = {
  articleJsAboveFloorBytes: 25 * 1024,
  cls: 0.01,
  /** The targets for the article page, reported as met or not. */
  targets: { performance: 0.95, accessibility: 1, lcpMs: 1500, tbtMs: 100 },
  /** What CI fails below: the framework's own floor on this kind of machine leaves no room for the targets (decision 009). */
  ciGates: { performance: 0.75, accessibility: 1, lcpMs: 3200 },
  hitVsStatic: 1.0,
  /**
   * The read beacon (issue 32), on one server with the default workers: views a second, the
   * issue's own figure; at least this many views a store write; and the pages' cache-hit rate
   * while the beacons flow, against the same reads alone in the same run, at most 10 % lower.
   */
  beacon: { viewsPerSecond: 5000, viewsPerWrite: 100, hitRateLoss: 0.1 },
  /**
   * A forced miss (a render) against the floor's cache hit, one process each: since the front
   * answers our hits (lib/server/cached-pages.mjs), our static page is no measure of a render.
   */
  missVsFloor: 0.1,
  /**
   * CI machines are shared and noisy: ratios get this much slack there. Measured fairly (warmed,
   * alternating rounds), the article hit's median in the short form came at 0.72–0.84 × the
   * static page on one machine, its rounds from 0.69 to 0.97. That hits are served from the
   * cache is asserted exactly by the end-to-end tests (x-nextjs-cache: HIT); this gate catches
   * a hit path grown as costly as a render (0.48–0.64 × here).
   */
  ciRatioSlack: 0.6,
  /** Latency of a forced miss at a million stories against a thousand (issue 17). */
  growth: 1.2,
  /**
   * Against the framework's floor, measured in the same run (issue 17). Throughput on one process
   * each; LCP with applied throttling, the median of `appliedLighthouseRuns` alternating runs. CI
   * gates on the about page's LCP at the target itself, and on the bytes; the rest is reported.
   * The article's largest paint is its picture (decision 019), a round trip after a document five
   * times the floor's, which Chromium's applied throttling hands over in one read: 1.10-1.14 × in
   * the last runs (docs/performance.md). Its target stays 1.1 ×, reported; the gate,
   * `appliedLcpArticleGuard`, catches a regression beyond that. The lite article's target (issue
   * 31) is reported too; that it loads no script is gated.
   */
  vsFloor: {
    staticHit: 0.7,
    articleHit: 0.5,
    workers: 1.8,
    tail: 4,
    appliedLcp: 1.1,
    appliedLcpArticleGuard: 1.25,
    simulatedLcpMs: 300,
    simulatedScore: 0.03,
    appliedTti: 1.25,
    liteLcp: 0.6,
  },
  /** The shipped nginx configuration's cache hits, against nginx serving the same HTML from disk. */
  proxiedVsNginx: 0.5,
  /**
   * The large newsroom's shape against the small one's (issue 28): a cache hit on PostgreSQL and
   * Redis against SQLite, default workers each, in the same rounds (gated, with CI's slack);
   * and the worst time, over several publishes, for a story published through one PostgreSQL
   * instance to reach another's home (reported against a second).
   */
  postgresHit: 0.8,
  publishReachesOtherMs: 1000,
  /** The home under 200 connections while publishing: PostgreSQL's p99 against SQLite's, default workers each. */
  publishingTail: 2,
  /**
   * The edge (issue 29; decision 024), in front of the two PostgreSQL instances: the home asked as
   * a browser asks, against nginx sending the same page precompressed from a file (gzip_static);
   * a publish, and a withdrawal, through the edge within a second under 200 connections; a page
   * nothing changed still a HIT 65 s after it was cached; a page never cached answers 503
   * within 2 s once the instances are gone.
   */
  edge: { vsGzipStatic: 0.8, publishMs: 1000, withdrawMs: 1000, heldSeconds: 65, unavailableMs: 2000 },
};

/** The edge's port in the bench, and its purge secret (the PostgreSQL instances are told of it). */
export const benchEdge = { port: 3291, secret: 'bench-edge-purge-secret-0123' };

/** The story the PostgreSQL instances publish to time how soon the other has it (the README's example). */
export const benchStory = JSON.parse(fs.readFileSync('content/examples/publish-article.json', 'utf8')) as Record<string, unknown>;
export const benchAuth = { Authorization: 'Bearer bench', 'Content-Type': 'application/json' };

export const paths = {
  static: '/en/about',
  article: '/en/europe/20180427-europol-hits-is-propaganda-servers',
  home: '/en',
  section: '/en/europe',
  live: '/en/middle-east/20180506-lebanon-election-results-live',
};

const began = performance.now();
/** A line of progress, with the time since the bench began: where its minutes go (issue 28). */
export function log(message: string) {
  process.stderr.write(`bench [${Math.round((performance.now() - began) / 1000)} s]: ${message}\n`);
}

export function run(command: string, args: string[], env: Record<string, string> = {}, cwd?: string) {
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with status ${result.status}`);
}

export const has = (binary: string) => spawnSync('sh', ['-c', `command -v ${binary}`]).status === 0;

/**
 * The framework's floor (issue 17): a trivial Next.js page with the article's own text and
 * picture and no client component (scripts/bench/floor), built and served beside our site in
 * every run, so that our figures are compared with Next's own on the same machine at the same time.
 */
export const floorDir = path.resolve('scripts/bench/floor');
export function buildFloor() {
  const picture = 'images/demo/europol-headquarters.jpg';
  fs.mkdirSync(path.join(floorDir, 'public', path.dirname(picture)), { recursive: true });
  fs.copyFileSync(path.join('public', picture), path.join(floorDir, 'public', picture));
  // Built from its own folder: the page reads the story relative to it.
  run(process.execPath, [path.resolve('node_modules/next/dist/bin/next'), 'build'], {}, floorDir);
}
