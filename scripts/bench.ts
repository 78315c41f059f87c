/**
 * npm run bench      — the full measurement: prints one table, writes .data/bench/results.json
 * npm run bench:ci   — the short form CI runs: fewer, shorter runs; exits 1 when a budget is missed
 *
 * Builds and starts the production server (twice: with the page cache, and with it turned off
 * to measure a forced miss), then measures under load (wrk when installed, else autocannon;
 * 32 connections), client JavaScript and HTML bytes per page kind, and Lighthouse (mobile
 * defaults: simulated slow 4G and 4x CPU slowdown, Debian Chromium). The full form also serves
 * the same article HTML from nginx when it is installed (the ceiling) and the article through
 * deploy/nginx/newsroom.conf in front of two instances, and compares latency on a
 * store of 1,000 and of 1,000,000 stories (filled once by `npm run store:fill`, kept in .data/bench).
 *
 * Options: --skip-build, --large=1000000, --duration=10, --lighthouse-runs=3, --growth-only (only the
 * latency at 1,000 and at `--large` stories), --growth-postgres=postgres://… (those stores
 * in PostgreSQL)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { createDatabase, privateRedis, startNginx } from '../e2e/support/services';
import { lighthouse, type LighthouseResult } from './lighthouse';
import { shippedFaces } from './fonts/font-faces';
import { loaderSources } from '../lib/http/boot-after-paint.mjs';

const { values } = parseArgs({
  options: {
    ci: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    large: { type: 'string', default: '1000000' },
    duration: { type: 'string' },
    'lighthouse-runs': { type: 'string' },
    'growth-only': { type: 'boolean', default: false },
    /** The growth's stores in PostgreSQL (schemas bench_1000, bench_<large>) at this URL, instead of SQLite files. */
    'growth-postgres': { type: 'string' },
  },
});
const ci = values.ci === true;
const duration = Number(values.duration ?? (ci ? 4 : 10));
const lighthouseRuns = Number(values['lighthouse-runs'] ?? 3);
const largeCount = Number(values.large);
const connections = 32;
const growthConnections = 8;
const outDir = path.resolve('.data/bench');
fs.mkdirSync(outDir, { recursive: true });

/** Budgets. CI gates on the deterministic figures and on ratios; absolute timings are printed. */
const budgets = {
  articleJsAboveFloorBytes: 25 * 1024,
  cls: 0.01,
  /** The issue's targets for the article page, reported as met or not. */
  targets: { performance: 0.95, accessibility: 1, lcpMs: 1500, tbtMs: 100 },
  /** What CI fails below: the framework's own floor on this kind of machine leaves no room for the targets (decision 009). */
  ciGates: { performance: 0.75, accessibility: 1, lcpMs: 3200 },
  hitVsStatic: 1.0,
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
   * each; LCP with applied throttling, the median of three alternating runs. CI gates on the LCP
   * ratios at the target itself (with the CSS inlined our pages paint at about 0.7 × the floor's,
   * room enough for a shared machine) and on the bytes; the rest is reported.
   */
  vsFloor: { staticHit: 0.7, articleHit: 0.5, workers: 1.8, tail: 4, appliedLcp: 1.1, simulatedLcpMs: 300, simulatedScore: 0.03 },
  /** The shipped nginx configuration's cache hits, against nginx serving the same HTML from disk. */
  proxiedVsNginx: 0.5,
  /**
   * The large newsroom's shape against the small one's (issue 28): a cache hit on PostgreSQL and
   * Redis, one process, against the SQLite default's, in the same rounds (gated, with CI's slack);
   * and the worst time, over several publishes, for a story published through one PostgreSQL
   * instance to reach another's home (reported against a second).
   */
  postgresHit: 0.8,
  publishReachesOtherMs: 1000,
  /** The home under 200 connections while publishing: PostgreSQL's p99 against SQLite's. */
  publishingTail: 2,
};

/** The story the PostgreSQL instances publish to time how soon the other has it (the README's example). */
const benchStory = JSON.parse(fs.readFileSync('content/examples/publish-article.json', 'utf8')) as Record<string, unknown>;
const benchAuth = { Authorization: 'Bearer bench', 'Content-Type': 'application/json' };

const paths = {
  static: '/en/about',
  article: '/en/europe/20180427-europol-hits-is-propaganda-servers',
  home: '/en',
  section: '/en/europe',
  live: '/en/middle-east/20180506-lebanon-election-results-live',
};

function log(message: string) {
  process.stderr.write(`bench: ${message}\n`);
}

function run(command: string, args: string[], env: Record<string, string> = {}, cwd?: string) {
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with status ${result.status}`);
}

const has = (binary: string) => spawnSync('sh', ['-c', `command -v ${binary}`]).status === 0;

/**
 * The framework's floor (issue 17): a trivial Next.js page with the article's own text and
 * picture and no client component (scripts/bench/floor), built and served beside our site in
 * every run, so that our figures are compared with Next's own on the same machine at the same time.
 */
const floorDir = path.resolve('scripts/bench/floor');
function buildFloor() {
  const picture = 'images/demo/europol-headquarters.jpg';
  fs.mkdirSync(path.join(floorDir, 'public', path.dirname(picture)), { recursive: true });
  fs.copyFileSync(path.join('public', picture), path.join(floorDir, 'public', picture));
  // Built from its own folder: the page reads the story relative to it.
  run(process.execPath, [path.resolve('node_modules/next/dist/bin/next'), 'build'], {}, floorDir);
}

// ---- servers ---------------------------------------------------------------------------------

type Server = { url: string; child: ChildProcess };

/** Our standalone server, as deployed (scripts/serve.mjs); or, with `floor`, the framework's floor page under `next start`. */
async function startServer(port: number, env: Record<string, string>, floor = false): Promise<Server> {
  const logFile = path.join(outDir, `server-${port}.log`);
  const logFd = fs.openSync(logFile, 'w');
  const args = floor ? [path.resolve('node_modules/next/dist/bin/next'), 'start', floorDir, '-p', String(port), '-H', '127.0.0.1'] : ['scripts/serve.mjs'];
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      SITE_URL: `http://localhost:${port}`,
      ...env,
    },
    stdio: ['ignore', logFd, logFd],
    detached: true,
  });
  const errors = () => fs.readFileSync(logFile, 'utf8');
  const url = `http://localhost:${port}`;
  for (let i = 0; i < 150; i += 1) {
    try {
      const response = await fetch(`${url}${floor ? '/' : '/en/about'}`);
      await response.arrayBuffer();
      if (response.ok) return { url, child };
    } catch {
      // not up yet
    }
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server on ${port} did not start: ${errors()}`);
}

async function stopServer(server: Server) {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  process.kill(-server.child.pid!, 'SIGTERM');
  await exited;
}

/**
 * GET a URL's body on a fresh connection. After a load run the server may close the sockets
 * fetch's pool still holds ("other side closed"), so no keep-alive here, and one retry.
 */
async function getBody(url: string | URL): Promise<Buffer> {
  return (await getAnswer(url)).body;
}

/** The bytes as sent, with their Content-Encoding. */
async function getAnswer(url: string | URL, headers: Record<string, string> = {}): Promise<{ body: Buffer; encoding: string }> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await new Promise((resolve, reject) => {
        http
          .get(url, { agent: false, headers: { connection: 'close', ...headers } }, (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => resolve({ body: Buffer.concat(chunks), encoding: String(response.headers['content-encoding'] ?? 'none') }));
            response.on('error', reject);
          })
          .on('error', reject);
      });
    } catch (error) {
      if (attempt >= 2) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Resident memory, in MB, of a server's processes after the load: its primary, then each worker. */
function residentMb(server: Server): { primary: number; workers: number[] } {
  const rss = (args: string[]) =>
    spawnSync('ps', ['-o', 'rss=', ...args], { encoding: 'utf8' })
      .stdout.split('\n')
      .map((line) => Number(line.trim()))
      .filter((kb) => kb > 0)
      .map((kb) => Math.round(kb / 1024));
  return { primary: rss(['-p', String(server.child.pid)])[0] ?? NaN, workers: rss(['--ppid', String(server.child.pid)]) };
}

// ---- load ----------------------------------------------------------------------------------

/** `errors`: answers that were not 2xx/3xx (a failure); `timeouts`: requests still unanswered after wrk's 2 s. */
type Load = { rps: number; p50: number; p99: number; errors: number; timeouts: number };

async function load(url: string, seconds = duration, headers: Record<string, string> = {}, concurrency = connections): Promise<Load> {
  for (let i = 0; i < 5; i += 1) await getBody(url); // warm: fill the cache, open the store
  if (has('wrk')) {
    const headerArgs = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
    // Asynchronously, so that the bench can publish while a load runs (homeWhilePublishing).
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn('wrk', ['-t2', `-c${concurrency}`, `-d${seconds}s`, '--latency', ...headerArgs, url], { stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('error', reject);
      child.on('close', () => resolve(text));
    });
    const ms = (label: string) => {
      const match = new RegExp(`^\\s*${label}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(out);
      if (!match) return NaN;
      const value = Number(match[1]);
      return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value;
    };
    const errors = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
    const timeouts = Number(/Socket errors: .*timeout (\d+)/.exec(out)?.[1] ?? 0);
    return { rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0), p50: ms('50'), p99: ms('99'), errors, timeouts };
  }
  const { default: autocannon } = await import('autocannon');
  const result = await autocannon({ url, connections: concurrency, duration: seconds, headers });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx, timeouts: result.timeouts };
}

/**
 * The home of `read` under 200 connections for 15 s while a story is published through
 * `write` every 3 s: the load, and for each publish how long until `read`'s home showed it
 * after the publish was answered (polled beside the load; 10 s at most), and how long the publish
 * itself took under the load. The stories are withdrawn afterwards.
 */
async function homeWhilePublishing(read: Server, write: Server, store: string): Promise<{ name: string; home: Load; reached: number[]; publishMs: number[] }> {
  const seconds = 15;
  const loading = load(`${read.url}/en`, seconds, {}, 200);
  const reached: number[] = [];
  const publishMs: number[] = [];
  const ids: string[] = [];
  for (let i = 0; i < seconds / 3 - 1; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const id = `bench-${store}-${i}-${Date.now()}`;
    const headline = `Bench publish ${id}`;
    const story = { ...benchStory, id, slug: id, headline, publishedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') };
    const posted = Date.now();
    const answer = await fetch(`${write.url}/api/v1/articles`, { method: 'POST', headers: benchAuth, body: JSON.stringify(story) });
    if (!answer.ok) throw new Error(`bench: could not publish through ${write.url}: ${answer.status} ${await answer.text()}`);
    ids.push(id);
    // From the publish's answer (the write is committed): how long until a reader of `read` gets it.
    const start = Date.now();
    publishMs.push(start - posted);
    while (!(await getBody(`${read.url}/en`)).toString().includes(headline) && Date.now() - start < 10_000) await new Promise((r) => setTimeout(r, 10));
    reached.push(Date.now() - start);
  }
  const home = await loading;
  for (const id of ids) await fetch(`${write.url}/api/v1/articles/${id}`, { method: 'DELETE', headers: benchAuth });
  return { name: store === 'sqlite' ? 'SQLite' : 'PostgreSQL + Redis (published through another instance)', home, reached, publishMs };
}

/**
 * More readers than the server can take: `connections` keep-alive connections in a closed loop
 * (each asks again as soon as it has its answer), for `seconds` after a two-second warm-up in
 * which the connections are opened. Counts what was served (200) apart from what was shed
 * (503), so that the latency of the served is not hidden among fast refusals — what wrk's one
 * latency table would do. Node's own client: wrk cannot tell statuses apart in its latencies.
 */
type Overload = {
  servedRps: number;
  shedShare: number;
  p50: number;
  p99: number;
  timeouts: number;
  other: number;
  checksMs: { health: number[]; ready: number[] };
};

async function overload(url: string, connections = 200, seconds = duration, timeoutMs = 5000): Promise<Overload> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const served: number[] = [];
  let shed = 0;
  let timeouts = 0;
  let other = 0;
  const warmUntil = Date.now() + 2000;
  const end = warmUntil + seconds * 1000;
  const one = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const counted = Date.now() >= warmUntil;
      const request = http.get(url, { agent, timeout: timeoutMs }, (response) => {
        response.resume();
        response.on('end', () => {
          if (counted) {
            if (response.statusCode === 200) served.push(performance.now() - started);
            else if (response.statusCode === 503) shed += 1;
            else other += 1;
          }
          resolve();
        });
      });
      request.on('timeout', () => {
        if (counted) timeouts += 1;
        request.destroy();
      });
      request.on('error', () => resolve());
    });
  // Meanwhile, as a load balancer would: liveness and readiness on a new connection every half second.
  const checksMs = { health: [] as number[], ready: [] as number[] };
  const origin = new URL(url).origin;
  const checks = (async () => {
    while (Date.now() < end) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (Date.now() < warmUntil) continue;
      for (const kind of ['health', 'ready'] as const) {
        const started = performance.now();
        await getBody(`${origin}/api/${kind}`).catch(() => undefined);
        checksMs[kind].push(performance.now() - started);
      }
    }
  })();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) await one();
    }),
  );
  await checks;
  agent.destroy();
  served.sort((a, b) => a - b);
  const at = (q: number) => served[Math.min(served.length - 1, Math.floor(q * served.length))] ?? NaN;
  return { servedRps: served.length / seconds, shedShare: shed / Math.max(1, shed + served.length), p50: at(0.5), p99: at(0.99), timeouts, other, checksMs };
}

// ---- bytes ---------------------------------------------------------------------------------

const gzipSize = (buffer: Buffer) => zlib.gzipSync(buffer, { level: 9 }).length;

/**
 * The HTML of a page; the document as Chromium gets it once cached (it asks for br), in bytes and
 * coding; and the gzip size of the scripts a modern browser loads for it.
 */
async function pageBytes(server: Server, pagePath: string) {
  const html = await getBody(`${server.url}${pagePath}`);
  const sent = await getAnswer(`${server.url}${pagePath}`, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
  const text = html.toString('utf8');
  // The framework's scripts of a cached page are named by its loader (lib/http/boot-after-paint.mjs).
  const scripts = [
    ...[...text.matchAll(/<script\b([^>]*)\bsrc="([^"]+)"([^>]*)>/g)].filter((m) => !/\bnoModule\b|\bnomodule\b/.test(`${m[1]} ${m[3]}`)).map((m) => m[2]!),
    ...loaderSources(text),
  ];
  let js = 0;
  for (const src of new Set(scripts)) js += gzipSize(await getBody(new URL(src, server.url)));
  return { htmlBytes: html.length, htmlGzip: gzipSize(html), htmlSent: `${sent.body.length} (${sent.encoding})`, jsGzip: js, scripts: new Set(scripts).size };
}

// ---- lighthouse ----------------------------------------------------------------------------

/**
 * Several runs; the one with the median LCP, with the median score and blocking time of all
 * the runs (one run's long task can land its score far from the others'), and the LCP and
 * score of every run: whether the framework's script runs before the first paint in
 * Lighthouse's trace is a race (decision 009), so one run can land far from the others.
 */
type LighthouseMedian = LighthouseResult & { lcpRuns: number[]; performanceRuns: number[] };

/**
 * Each page `lighthouseRuns` times, the pages in turn (floor, ours, floor, ours…), so that a slow
 * spell of the machine falls on all of them. A page may be given flags of its own beside the
 * round's: `[url, flags]`.
 */
function lighthouseRounds<K extends string>(urls: Record<K, string | [string, string[]]>, args: string[] = []): Record<K, LighthouseMedian> {
  const runs = Object.fromEntries(Object.keys(urls).map((k) => [k, [] as LighthouseResult[]])) as Record<K, LighthouseResult[]>;
  for (let i = 0; i < lighthouseRuns; i += 1) {
    for (const [k, page] of Object.entries(urls) as [K, string | [string, string[]]][]) {
      const [url, own] = typeof page === 'string' ? [page, []] : page;
      runs[k].push(lighthouse(url, [...args, ...own]));
    }
  }
  return Object.fromEntries(
    (Object.entries(runs) as [K, LighthouseResult[]][]).map(([k, results]) => {
      const sorted = [...results].sort((a, b) => a.lcpMs - b.lcpMs);
      return [
        k,
        {
          ...sorted[Math.floor(sorted.length / 2)]!,
          performance: median(results.map((r) => r.performance)),
          tbtMs: median(results.map((r) => r.tbtMs)),
          lcpRuns: results.map((r) => r.lcpMs),
          performanceRuns: results.map((r) => r.performance),
        },
      ];
    }),
  ) as Record<K, LighthouseMedian>;
}

/** The bytes of every face shipped (scripts/fonts/font-faces.ts), by family. */
function shippedFaceBytes(): Record<string, number> {
  const byFamily: Record<string, number> = {};
  for (const face of shippedFaces) byFamily[face.family] = (byFamily[face.family] ?? 0) + fs.statSync(path.resolve('app/fonts', face.url)).size;
  return byFamily;
}

// ---- datasets ------------------------------------------------------------------------------

async function storeWith(count: number): Promise<string> {
  const file = path.join(outDir, `${count}.sqlite`);
  if (!fs.existsSync(file)) {
    log(`filling a store with ${count} stories`);
    run('npx', ['tsx', 'scripts/fill-store.ts', `--count=${count}`, `--db=${file}`]);
  }
  return file;
}

function sectionSize(dbFile: string, section: string): number {
  const query = `select count(*) c from articles where edition='en' and section='${section}' and status='published'`;
  const out = spawnSync(
    'node',
    [
      '-e',
      `const D=require('better-sqlite3');const d=new D(${JSON.stringify(dbFile)},{readonly:true});console.log(d.prepare(${JSON.stringify(query)}).get().c)`,
    ],
    { encoding: 'utf8' },
  );
  return Number(out.stdout.trim());
}

/**
 * A store of `count` stories for the growth measurement, as the server's environment: a SQLite
 * file, or with --growth-postgres a schema of its own in that database (filled the same way).
 */
async function growthStore(count: number): Promise<{ env: Record<string, string>; sectionSize: (section: string) => number }> {
  const url = values['growth-postgres'];
  if (!url) {
    const file = await storeWith(count);
    return { env: { DATABASE_PATH: file }, sectionSize: (section) => sectionSize(file, section) };
  }
  const schema = `bench_${count}`;
  spawnSync('psql', [url, '-qc', `create schema if not exists ${schema}`], { stdio: 'inherit' });
  log(`filling the PostgreSQL schema ${schema} up to ${count} stories`);
  run('npx', ['tsx', 'scripts/fill-store.ts', `--count=${count}`, `--database-url=${url}`, `--schema=${schema}`]);
  const withSchema = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    env: { DATABASE_URL: withSchema },
    sectionSize: (section) =>
      Number(
        spawnSync('psql', [withSchema, '-Atc', `select count(*) from articles where edition='en' and section='${section}' and status='published'`], {
          encoding: 'utf8',
        }).stdout.trim(),
      ),
  };
}

// ---- the run -------------------------------------------------------------------------------

const rows: string[][] = [];
const failures: string[] = [];
const results: Record<string, unknown> = {
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  date: new Date().toISOString(),
};
const pageSize = 10;
const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const table = (head: string[], body: string[][]) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');

function check(ok: boolean, message: string) {
  if (!ok) failures.push(message);
  return ok ? 'ok' : 'MISSED';
}

if (!values['skip-build']) {
  log('building');
  run('npm', ['run', 'build'], { DATABASE_PATH: path.join(outDir, 'build.sqlite') });
}

const growthTable = (growth: string[][]) =>
  table(['Forced miss, p50 ms', '1,000 stories', `${largeCount.toLocaleString('en')} stories`, 'Ratio', `Budget ${budgets.growth}×`], growth);
if (values['growth-only']) {
  const growth = await measureGrowth();
  console.log(`## Latency as the archive grows (${results.machine}, ${results.date})\n\n${growthTable(growth)}`);
  fs.writeFileSync(path.join(outDir, 'results-growth.json'), JSON.stringify({ ...results, growth, failures }, null, 2));
  if (failures.length) console.error(`\nbench: budgets missed:\n- ${failures.join('\n- ')}`);
  process.exit(failures.length ? 1 : 0);
}

const smallStore = await storeWith(1000);
// The large newsroom's shape beside it (issue 28): the same thousand stories in a PostgreSQL
// database of the bench's own, two instances sharing it and a Redis, and a third that renders
// every request; each one process.
log('filling a PostgreSQL database with 1000 stories');
const pgDatabase = await createDatabase('newsroom_bench');
run('npx', ['tsx', 'scripts/fill-store.ts', '--count=1000', `--database-url=${pgDatabase.url}`]);
const redis = await privateRedis();
const onPostgres = { DATABASE_URL: pgDatabase.url, REDIS_URL: redis.url, WEB_CONCURRENCY: '1', STORIES_PER_PAGE: String(pageSize), PUBLISH_TOKEN: 'bench' };
log('building the framework floor page (scripts/bench/floor)');
buildFloor();
const base = { DATABASE_PATH: smallStore, STORIES_PER_PAGE: String(pageSize), PUBLISH_TOKEN: 'bench' };
const cached = await startServer(3201, base);
const uncached = await startServer(3202, { ...base, NEWSROOM_PAGE_CACHE: 'off' });
// One process each, beside the default (a worker per core): what the workers add, and what one process does against the floor's one.
const cachedOne = await startServer(3205, { ...base, WEB_CONCURRENCY: '1' });
const uncachedOne = await startServer(3206, { ...base, NEWSROOM_PAGE_CACHE: 'off', WEB_CONCURRENCY: '1' });
const floor = await startServer(3204, {}, true);
const postgresA = await startServer(3208, onPostgres);
const postgresB = await startServer(3209, onPostgres);
const postgresUncached = await startServer(3210, { ...onPostgres, NEWSROOM_PAGE_CACHE: 'off' });
try {
  // Throughput. Every server is warmed first (a short load on every page kind: the JIT, the
  // caches); then the floor, our static page and article (hit, and forced miss) on one process
  // and on the default are measured in three alternating rounds, and the round with the median
  // of each ratio is kept: single loads spread by ±15 % on a shared machine.
  log('load: warming every server');
  await load(`${floor.url}/`, 2);
  for (const kind of ['static', 'article', 'home', 'section'] as const) {
    for (const server of [cached, uncached, cachedOne, uncachedOne, postgresA, postgresUncached]) await load(`${server.url}${paths[kind]}`, 2);
  }
  log('load: the floor, the static page, the article hit and miss, one process and the default (three rounds)');
  type Round = {
    floorLoad: Load;
    staticOne: Load;
    hitOne: Load;
    missOne: Load;
    staticLoad: Load;
    hit: Load;
    miss: Load;
    hitPostgres: Load;
    missPostgres: Load;
  };
  const rounds: Round[] = [];
  // Ten seconds a load even in the short form: these ratios are gated, and four-second loads spread too much.
  const roundSeconds = Math.max(duration, 10);
  for (let round = 0; round < 3; round += 1) {
    rounds.push({
      floorLoad: await load(`${floor.url}/`, roundSeconds),
      staticOne: await load(`${cachedOne.url}${paths.static}`, roundSeconds),
      hitOne: await load(`${cachedOne.url}${paths.article}`, roundSeconds),
      staticLoad: await load(`${cached.url}${paths.static}`, roundSeconds),
      hit: await load(`${cached.url}${paths.article}`, roundSeconds),
      missOne: await load(`${uncachedOne.url}${paths.article}`, roundSeconds),
      miss: await load(`${uncached.url}${paths.article}`, roundSeconds),
      hitPostgres: await load(`${postgresA.url}${paths.article}`, roundSeconds),
      missPostgres: await load(`${postgresUncached.url}${paths.article}`, roundSeconds),
    });
  }
  /** The round with the median of a ratio, and the spread of the three. */
  const medianRound = (ratio: (r: Round) => number) => {
    const sorted = [...rounds].sort((x, y) => ratio(x) - ratio(y));
    return { round: sorted[1]!, value: ratio(sorted[1]!), spread: `median of 3 rounds: ${fmt(ratio(sorted[0]!), 2)}–${fmt(ratio(sorted[2]!), 2)}` };
  };
  const hitRatio = medianRound((r) => r.hit.rps / r.staticLoad.rps);
  const missRatio = medianRound((r) => r.miss.rps / r.staticLoad.rps);
  const missVsFloor = medianRound((r) => r.missOne.rps / r.floorLoad.rps);
  const staticVsFloor = medianRound((r) => r.staticOne.rps / r.floorLoad.rps);
  const articleVsFloor = medianRound((r) => r.hitOne.rps / r.floorLoad.rps);
  const hitScaling = medianRound((r) => r.hit.rps / r.hitOne.rps);
  const postgresHit = medianRound((r) => r.hitPostgres.rps / r.hitOne.rps);
  const postgresMiss = medianRound((r) => r.missPostgres.rps / r.missOne.rps);
  const missScaling = medianRound((r) => r.miss.rps / r.missOne.rps);
  const articleMissRound = { miss: missRatio.round.miss, missRatio: missRatio.value };
  const missSpread = missRatio.spread;
  const { staticLoad, hit: articleHit } = hitRatio.round;
  const hitSpread = hitRatio.spread;
  results.rounds = rounds;
  const floorLoad = staticVsFloor.round.floorLoad;
  /** A row of the load table: what was loaded, its rate and latencies, and how it compares. */
  const loadRow = (label: string, measured: Load, compared = '') => rows.push([label, fmt(measured.rps), fmt(measured.p50, 1), fmt(measured.p99, 1), compared]);
  const workers = `${os.availableParallelism()} workers (default)`;
  loadRow('Floor: trivial Next page, one process (`next start`)', floorLoad);
  loadRow('Static page (about), hit, one process', staticVsFloor.round.staticOne, `${fmt(staticVsFloor.value, 2)} × floor (${staticVsFloor.spread})`);
  loadRow('Article, hit, one process', articleVsFloor.round.hitOne, `${fmt(articleVsFloor.value, 2)} × floor (${articleVsFloor.spread})`);
  loadRow('Article, forced miss, one process', missVsFloor.round.missOne, `${fmt(missVsFloor.value, 2)} × floor (${missVsFloor.spread})`);
  loadRow(`Article, hit, ${workers}`, hitScaling.round.hit, `${fmt(hitScaling.value, 2)} × one process (${hitScaling.spread})`);
  loadRow(`Article, forced miss, ${workers}`, missScaling.round.miss, `${fmt(missScaling.value, 2)} × one process (${missScaling.spread})`);
  loadRow(
    'Article, hit, PostgreSQL + Redis, one process',
    postgresHit.round.hitPostgres,
    `${fmt(postgresHit.value, 2)} × SQLite, one process (${postgresHit.spread})`,
  );
  loadRow(
    'Article, forced miss, PostgreSQL + Redis, one process',
    postgresMiss.round.missPostgres,
    `${fmt(postgresMiss.value, 2)} × SQLite, one process (${postgresMiss.spread})`,
  );
  // The home under 200 connections while a story is published every 3 s (issue 28), on each
  // store: on SQLite through the instance read, on PostgreSQL through the other one; each
  // publish timed until the home read shows it.
  log('load: the home at 200 connections while a story is published every 3 s, SQLite then PostgreSQL');
  const publishingSqlite = await homeWhilePublishing(cachedOne, cachedOne, 'sqlite');
  const publishingPostgres = await homeWhilePublishing(postgresA, postgresB, 'postgres');
  const reached = publishingPostgres.reached;
  const publishReach = Math.max(...reached);
  rows.push(
    ...[publishingSqlite, publishingPostgres].map(({ name, home, reached: times, publishMs }) => [
      `Home, 200 connections, a publish every 3 s, ${name}, one process`,
      fmt(home.rps),
      fmt(home.p50, 1),
      fmt(home.p99, 1),
      `${home.timeouts} timeouts; each publish on the home read ${times.join(', ')} ms after its answer (the publishes took ${publishMs.join(', ')} ms)`,
    ]),
  );
  const publishingTail = publishingPostgres.home.p99 / publishingSqlite.home.p99;
  results.postgres = {
    hitVsSqlite: postgresHit.value,
    missVsSqlite: postgresMiss.value,
    publishReachesOtherMs: reached,
    publishing: { sqlite: publishingSqlite, postgres: publishingPostgres },
  };
  const timeouts = rounds.reduce((n, r) => n + r.hit.timeouts + r.hitOne.timeouts + r.staticLoad.timeouts + r.staticOne.timeouts, 0);
  const tail = { hit: articleHit.p99 / articleHit.p50, floor: floorLoad.p99 / floorLoad.p50 };
  const memory = { default: residentMb(cached), one: residentMb(cachedOne) };
  results.memory = memory;
  log(`memory after the load (MB): default ${JSON.stringify(memory.default)}, one process ${JSON.stringify(memory.one)}`);
  results.vsFloor = {
    staticVsFloor: staticVsFloor.value,
    articleVsFloor: articleVsFloor.value,
    hitScaling: hitScaling.value,
    missScaling: missScaling.value,
    timeouts,
    tail,
  };
  if (rounds.some((r) => r.staticLoad.errors || r.staticOne.errors || r.floorLoad.errors)) failures.push(`static page: answers other than 2xx/3xx under load`);
  rows.push([
    `Static page (about), hit, ${os.availableParallelism()} workers (default)`,
    fmt(staticLoad.rps),
    fmt(staticLoad.p50, 1),
    fmt(staticLoad.p99, 1),
    '',
  ]);
  const load2: Record<string, { hit: Load; miss: Load }> = {};
  for (const kind of ['article', 'home', 'section'] as const) {
    const hit = kind === 'article' ? articleHit : await load(`${cached.url}${paths[kind]}`);
    const miss = kind === 'article' ? articleMissRound.miss : await load(`${uncached.url}${paths[kind]}`);
    load2[kind] = { hit, miss };
    const hitNote = kind === 'article' ? ` (${hitSpread})` : '';
    const missRatio = kind === 'article' ? articleMissRound.missRatio : miss.rps / staticLoad.rps;
    const missNote = kind === 'article' ? ` (${missSpread})` : '';
    rows.push([
      `${kind[0]!.toUpperCase()}${kind.slice(1)}, cache hit`,
      fmt(hit.rps),
      fmt(hit.p50, 1),
      fmt(hit.p99, 1),
      `${fmt(hit.rps / staticLoad.rps, 2)} × static${hitNote}`,
    ]);
    rows.push([
      `${kind[0]!.toUpperCase()}${kind.slice(1)}, forced miss`,
      fmt(miss.rps),
      fmt(miss.p50, 1),
      fmt(miss.p99, 1),
      `${fmt(missRatio, 2)} × static${missNote}`,
    ]);
    if (hit.errors || miss.errors) failures.push(`${kind}: ${hit.errors + miss.errors} answers other than 2xx/3xx under load`);
    if (hit.timeouts || miss.timeouts) log(`${kind}: ${hit.timeouts + miss.timeouts} requests timed out under load (the machine is saturated)`);
  }
  if (!ci) {
    // A browser or nginx asking again with the page's validator: the proxy answers 304 without rendering.
    const etag = (await fetch(`${cached.url}${paths.article}`)).headers.get('etag');
    const answer = etag ? (await fetch(`${cached.url}${paths.article}`, { headers: { 'If-None-Match': etag } })).status : null;
    if (etag && answer !== 304) failures.push(`article: a conditional request with the page's own ETag answered ${answer}, not 304`);
    else if (etag) {
      const conditional = await load(`${cached.url}${paths.article}`, duration, { 'If-None-Match': etag });
      rows.push([
        'Article, conditional request (304)',
        fmt(conditional.rps),
        fmt(conditional.p50, 1),
        fmt(conditional.p99, 1),
        `${fmt(conditional.rps / staticLoad.rps, 2)} × static`,
      ]);
    } else failures.push('article: a cached page answered without an ETag');
  }
  // Overload: 200 connections on the article (the server's default: a worker per core).
  log('overload: 200 connections on the article');
  const over = await overload(`${cached.url}${paths.article}`);
  rows.push([
    'Article, 200 connections (overload)',
    `${fmt(over.servedRps)} served`,
    fmt(over.p50, 1),
    fmt(over.p99, 1),
    `${fmt(over.shedShare * 100, 1)} % answered 503 at once; ${over.timeouts} timed out (5 s); /api/health ${fmt(median(over.checksMs.health))} ms (worst ${fmt(Math.max(...over.checksMs.health))}), /api/ready ${fmt(median(over.checksMs.ready))} ms (worst ${fmt(Math.max(...over.checksMs.ready))})`,
  ]);
  const overloadCheck = check(
    over.timeouts === 0 && over.other === 0,
    `overload: ${over.timeouts} timeouts and ${over.other} answers other than 200 or 503 with 200 connections`,
  );
  results.overload = over;

  const slack = ci ? budgets.ciRatioSlack : 1;
  const articleHitRatio = load2.article!.hit.rps / staticLoad.rps;
  const hitCheck = check(
    articleHitRatio >= budgets.hitVsStatic * slack,
    `article cache hit at ${fmt(articleHitRatio, 2)} × the static page (budget ${budgets.hitVsStatic * slack})`,
  );
  const missCheck = check(
    missVsFloor.value >= budgets.missVsFloor * slack,
    `article miss at ${fmt(missVsFloor.value, 2)} × the floor's hit, one process each (budget ${budgets.missVsFloor * slack})`,
  );
  const postgresCheck = check(
    postgresHit.value >= budgets.postgresHit * slack,
    `article hit on PostgreSQL + Redis at ${fmt(postgresHit.value, 2)} × SQLite's, one process each (budget ${fmt(budgets.postgresHit * slack, 2)})`,
  );

  let nginxRow: Load | null = null;
  let proxiedRow: Load | null = null;
  let proxiedCheck = ci ? 'measured in the full run' : 'not measured (nginx not installed)';
  if (!ci && has('nginx')) {
    // nginx serving the article file, and the article through the shipped configuration in front
    // of two instances, measured in turns: each round loads one then the other, and the round
    // with the median ratio is reported (single runs of either spread by ±10 % on a shared machine).
    log('nginx: the article HTML from disk, and through deploy/nginx/newsroom.conf in front of two instances, three rounds');
    const ceiling = await startNginxCeiling(`${cached.url}${paths.article}`);
    const second = await startServer(3203, { DATABASE_PATH: smallStore, STORIES_PER_PAGE: String(pageSize) });
    const nginx = await startNginx([3201, 3203], { workers: 1 });
    const rounds: { file: Load; proxied: Load; ratio: number }[] = [];
    try {
      for (let round = 0; round < 3; round += 1) {
        const file = await load(ceiling.url);
        const proxied = await load(`${nginx.url}${paths.article}`);
        if (!file.rps || !proxied.rps || file.errors || proxied.errors)
          throw new Error(`nginx answered nothing, or errors, under load: from disk ${JSON.stringify(file)}, through the cache ${JSON.stringify(proxied)}`);
        rounds.push({ file, proxied, ratio: proxied.rps / file.rps });
      }
    } finally {
      await nginx.stop();
      await stopServer(second);
      await ceiling.stop();
    }
    rounds.sort((a, b) => a.ratio - b.ratio);
    const median = rounds[1]!;
    nginxRow = median.file;
    proxiedRow = median.proxied;
    const ratio = median.ratio;
    const spread = `${fmt(rounds[0]!.ratio, 2)}–${fmt(rounds[2]!.ratio, 2)}`;
    rows.push([
      'Article HTML from nginx (ceiling)',
      fmt(nginxRow.rps),
      fmt(nginxRow.p50, 1),
      fmt(nginxRow.p99, 1),
      `${fmt(nginxRow.rps / load2.article!.hit.rps, 1)} × Next's hit`,
    ]);
    rows.push([
      'Article via nginx cache → 2 instances, hit',
      fmt(proxiedRow.rps),
      fmt(proxiedRow.p50, 1),
      fmt(proxiedRow.p99, 1),
      `${fmt(ratio, 2)} × nginx from disk (median of 3 rounds: ${spread})`,
    ]);
    proxiedCheck = `${fmt(ratio, 2)} — ${check(ratio >= budgets.proxiedVsNginx, `article through nginx's cache at ${fmt(ratio, 2)} × nginx serving the file (budget ${budgets.proxiedVsNginx})`)}`;
  }

  // Bytes.
  log('bytes per page kind');
  const bytes: Record<string, Awaited<ReturnType<typeof pageBytes>>> = {};
  for (const kind of ['static', 'article', 'home', 'section', 'live'] as const) bytes[kind] = await pageBytes(cached, paths[kind]);
  const aboutScripts = bytes.static!.jsGzip;
  const articleAbove = bytes.article!.jsGzip - aboutScripts;
  const jsCheck = check(
    articleAbove <= budgets.articleJsAboveFloorBytes,
    `article ships ${articleAbove} bytes of our JavaScript above the framework's floor (budget ${budgets.articleJsAboveFloorBytes})`,
  );

  // Lighthouse.
  log(`lighthouse (${lighthouseRuns} run(s) each)`);
  // Both of Lighthouse's throttling modes: simulated (its model, the default) and applied (devtools).
  const floorPage = `${floor.url}/`;
  const sim = lighthouseRounds({
    floor: floorPage,
    static: `${cached.url}${paths.static}`,
    article: `${cached.url}${paths.article}`,
    home: `${cached.url}${paths.home}`,
  });
  // The article once more with its web fonts blocked (the metric-matched fallbacks, decision 020): what the shipped faces cost its LCP, in the same rounds.
  const withoutFonts: [string, string[]] = [`${cached.url}${paths.article}`, ['--blocked-url-patterns=*.woff2']];
  const applied = lighthouseRounds<string>(
    ci
      ? { floor: floorPage, static: `${cached.url}${paths.static}`, article: `${cached.url}${paths.article}`, articleWithoutFonts: withoutFonts }
      : {
          floor: floorPage,
          static: `${cached.url}${paths.static}`,
          article: `${cached.url}${paths.article}`,
          articleWithoutFonts: withoutFonts,
          home: `${cached.url}${paths.home}`,
        },
    ['--throttling-method=devtools'],
  ) as Record<'floor' | 'static' | 'article' | 'articleWithoutFonts', LighthouseMedian> & { home?: LighthouseMedian };
  const fontCost = {
    bytes: applied.article.fontBytes,
    files: applied.article.fontFiles,
    lcpMs: applied.article.lcpMs - applied.articleWithoutFonts.lcpMs,
    blockedBytes: applied.articleWithoutFonts.fontBytes,
  };
  results.fonts = { ...fontCost, lcpWithMs: applied.article.lcpMs, lcpWithoutMs: applied.articleWithoutFonts.lcpMs, shipped: shippedFaceBytes() };
  const lhArticle = sim.article;
  const lhHome = sim.home;
  const vs = budgets.vsFloor;
  const lcpRatio = { static: applied.static.lcpMs / applied.floor.lcpMs, article: applied.article.lcpMs / applied.floor.lcpMs };
  const lcpRatioGate = vs.appliedLcp;
  const appliedCheck = check(
    lcpRatio.static <= lcpRatioGate && lcpRatio.article <= lcpRatioGate,
    `LCP with applied throttling: about ${fmt(lcpRatio.static, 2)} ×, article ${fmt(lcpRatio.article, 2)} × the floor's (budget ${fmt(lcpRatioGate, 2)})`,
  );
  const scriptAboveFloor = applied.article.scriptBytes - applied.floor.scriptBytes;
  const scriptCheck = check(
    scriptAboveFloor <= budgets.articleJsAboveFloorBytes,
    `article loads ${scriptAboveFloor} bytes of script above the floor page's (budget ${budgets.articleJsAboveFloorBytes})`,
  );
  // Both throttling modes: with the CSS in the document, a paint made while it is still arriving must not move anything either.
  const clsCheck = check(
    Math.max(lhArticle.cls, lhHome.cls, applied.article.cls, applied.static.cls) <= budgets.cls,
    `layout shift ${lhArticle.cls} / ${lhHome.cls}, applied throttling ${applied.article.cls} / ${applied.static.cls} (budget ${budgets.cls})`,
  );
  const gates = budgets.ciGates;
  const perfCheck = check(lhArticle.performance >= gates.performance, `article performance ${lhArticle.performance} (gate ${gates.performance})`);
  const a11yCheck = check(
    lhArticle.accessibility >= gates.accessibility && lhHome.accessibility >= gates.accessibility,
    `accessibility ${lhArticle.accessibility} / ${lhHome.accessibility}`,
  );
  const lcpCheck = check(lhArticle.lcpMs <= gates.lcpMs, `article LCP ${fmt(lhArticle.lcpMs)} ms (gate ${gates.lcpMs})`);

  // Growth: misses on a store of 1,000 and of a million stories, on a server of their own.
  let growth: string[][] = [];
  if (!ci) {
    for (const server of [cached, uncached, cachedOne, uncachedOne, postgresA, postgresB, postgresUncached]) await stopServer(server);
    growth = await measureGrowth();
  }

  // The table.
  const lcpCell = (r: LighthouseMedian) => (r.lcpRuns.length > 1 ? `${fmt(r.lcpMs)} (runs ${r.lcpRuns.map((v) => fmt(v)).join(', ')})` : fmt(r.lcpMs));
  const lhRow = (name: string, r: LighthouseMedian) => [
    name,
    r.performanceRuns.length > 1 ? `${fmt(r.performance, 2)} (runs ${r.performanceRuns.map((v) => fmt(v, 2)).join(', ')})` : fmt(r.performance, 2),
    fmt(r.accessibility, 2),
    fmt(r.bestPractices, 2),
    fmt(r.seo, 2),
    lcpCell(r),
    fmt(r.cls, 3),
    fmt(r.tbtMs),
  ];
  const t = budgets.targets;
  const pageName = { floor: 'Floor (trivial Next page)', static: 'About', article: 'Article', home: 'Home' } as const;
  const met = (ok: boolean) => (ok ? 'met' : 'not met');
  const floorRows = [
    [
      `Target: static page hit ≥ ${vs.staticHit} × the floor's, one process each`,
      `${fmt(staticVsFloor.value, 2)} — ${met(staticVsFloor.value >= vs.staticHit)}`,
    ],
    [
      `Target: article hit ≥ ${vs.articleHit} × the floor's, one process each`,
      `${fmt(articleVsFloor.value, 2)} — ${met(articleVsFloor.value >= vs.articleHit)}`,
    ],
    [
      `Target: article hit p99 ≤ ${vs.tail} × p50 at ${connections} connections, no timeout`,
      `${fmt(tail.hit, 1)} × (floor ${fmt(tail.floor, 1)} ×), ${timeouts} timeouts — ${met(tail.hit <= vs.tail && timeouts === 0)}`,
    ],
    [`Target: article hit, default workers ≥ ${vs.workers} × one process`, `${fmt(hitScaling.value, 2)} — ${met(hitScaling.value >= vs.workers)}`],
    [
      `Article hit on PostgreSQL + Redis ≥ ${budgets.postgresHit} × SQLite's, one process each (gated, × ${budgets.ciRatioSlack} in CI)`,
      `${fmt(postgresHit.value, 2)} (${postgresHit.spread}) — ${postgresCheck}; forced miss ${fmt(postgresMiss.value, 2)} × SQLite's`,
    ],
    [
      `A publish through one PostgreSQL instance on the other's home under 200 connections, from the publish's answer, worst of ${reached.length} (target ≤ ${budgets.publishReachesOtherMs} ms)`,
      `${publishReach} ms (${reached.join(', ')}) — ${met(publishReach <= budgets.publishReachesOtherMs)}`,
    ],
    [
      `Home at 200 connections, a publish every 3 s: PostgreSQL's p99 ≤ ${budgets.publishingTail} × SQLite's, no timeouts`,
      `${fmt(publishingTail, 2)} × (${fmt(publishingPostgres.home.p99, 1)} against ${fmt(publishingSqlite.home.p99, 1)} ms), ${publishingPostgres.home.timeouts + publishingSqlite.home.timeouts} timeouts — ${met(publishingTail <= budgets.publishingTail && publishingPostgres.home.timeouts === 0)}`,
    ],
    [
      'Resident memory after the load, MB (primary; workers)',
      `default ${memory.default.primary}; ${memory.default.workers.join(', ')} — one process ${memory.one.primary}; ${memory.one.workers.join(', ')}`,
    ],
    [
      `LCP, applied throttling, ≤ ${vs.appliedLcp} × the floor's (gated, in CI too)`,
      `about ${fmt(lcpRatio.static, 2)}, article ${fmt(lcpRatio.article, 2)} — ${appliedCheck}`,
    ],
    [
      `Target: simulated LCP of the article within ${vs.simulatedLcpMs} ms of the floor's`,
      `${fmt(sim.article.lcpMs - sim.floor.lcpMs)} ms — ${met(sim.article.lcpMs - sim.floor.lcpMs <= vs.simulatedLcpMs)}`,
    ],
    [
      `Target: simulated performance score of the article within ${vs.simulatedScore} of the floor's`,
      `${fmt(sim.article.performance, 2)} against ${fmt(sim.floor.performance, 2)} — ${met(sim.floor.performance - sim.article.performance <= vs.simulatedScore + 1e-9)}`,
    ],
    [
      `Script the article loads above the floor page's ≤ ${budgets.articleJsAboveFloorBytes} bytes (all of it, islands after the paint included)`,
      `${scriptAboveFloor} — ${scriptCheck}`,
    ],
    [
      'Web fonts the article loads (decision 020), and what they cost its LCP with applied throttling (against the same page with them blocked)',
      `${fontCost.bytes} bytes in ${fontCost.files} files; LCP ${fmt(applied.article.lcpMs)} ms against ${fmt(applied.articleWithoutFonts.lcpMs)} without (${fontCost.lcpMs >= 0 ? '+' : ''}${fmt(fontCost.lcpMs)} ms)`,
    ],
    [
      'Faces shipped, bytes of WOFF2 (a page fetches only those its text uses)',
      Object.entries(shippedFaceBytes())
        .map(([family, bytes]) => `${family} ${bytes}`)
        .join('; '),
    ],
  ];
  const target = (ok: boolean) => (ok ? 'met' : 'not met');
  const report = [
    `Measured ${results.date} on ${results.machine}; load: ${has('wrk') ? 'wrk' : 'autocannon'}, ${connections} connections, ${duration} s; store: 1,000 stories.`,
    '',
    table(['Page, cache', 'Requests/s', 'p50 ms', 'p99 ms', 'Compared'], rows),
    '',
    table(
      ['Page', 'HTML bytes', 'HTML gzip', 'HTML sent to Chromium', 'Scripts in the HTML', 'Their JS gzip', 'Above the about page'],
      (['static', 'article', 'home', 'section', 'live'] as const).map((k) => [
        k === 'static' ? 'About (no island)' : k,
        String(bytes[k]!.htmlBytes),
        String(bytes[k]!.htmlGzip),
        bytes[k]!.htmlSent,
        String(bytes[k]!.scripts),
        String(bytes[k]!.jsGzip),
        k === 'static' ? '—' : String(bytes[k]!.jsGzip - aboutScripts),
      ]),
    ),
    '',
    table(
      ['Lighthouse (mobile)', 'Performance', 'Accessibility', 'Best practices', 'SEO', 'LCP ms', 'CLS', 'TBT ms', 'Script KB'],
      [
        ...(['floor', 'static', 'article', 'home'] as const).map((k) => [...lhRow(`${pageName[k]}, simulated`, sim[k]), fmt(sim[k].scriptBytes / 1024, 1)]),
        ...(['floor', 'static', 'article', 'home'] as const)
          .filter((k) => applied[k])
          .map((k) => [...lhRow(`${pageName[k]}, applied`, applied[k]!), fmt(applied[k]!.scriptBytes / 1024, 1)]),
      ],
    ),
    '',
    ...(growth.length ? [growthTable(growth), ''] : []),
    table(
      ['Budget', 'Result'],
      [
        ...floorRows,
        [
          `Script in the article's HTML (before the first paint) ≤ ${budgets.articleJsAboveFloorBytes} bytes gzip above the about page's`,
          `${articleAbove} — ${jsCheck}`,
        ],
        [
          `CLS ≤ ${budgets.cls} (article / home; applied: article / about)`,
          `${lhArticle.cls} / ${lhHome.cls}; ${applied.article.cls} / ${applied.static.cls} — ${clsCheck}`,
        ],
        [
          `Article cache hit ≥ ${budgets.hitVsStatic} × static page${ci ? ` (× ${budgets.ciRatioSlack} in CI)` : ''}`,
          `${fmt(articleHitRatio, 2)} — ${hitCheck}`,
        ],
        [
          `Article miss ≥ ${budgets.missVsFloor} × the floor's hit, one process each${ci ? ` (× ${budgets.ciRatioSlack} in CI)` : ''}`,
          `${fmt(missVsFloor.value, 2)} — ${missCheck}`,
        ],
        [`Article through the shipped nginx config ≥ ${budgets.proxiedVsNginx} × nginx from disk`, proxiedCheck],
        [
          'Overload (200 connections): no timeout, every answer 200 or an immediate 503',
          `${over.timeouts} timeouts, served p99 ${fmt(over.p99)} ms — ${overloadCheck}`,
        ],
        [
          `Lighthouse gate: performance ≥ ${gates.performance}, LCP ≤ ${gates.lcpMs} ms, accessibility 1`,
          `${lhArticle.performance}, ${fmt(lhArticle.lcpMs)} ms, ${lhArticle.accessibility} — ${[perfCheck, lcpCheck, a11yCheck].every((c) => c === 'ok') ? 'ok' : 'MISSED'}`,
        ],
        [`Target: performance ≥ ${t.performance}`, `${lhArticle.performance} — ${target(lhArticle.performance >= t.performance)}`],
        [`Target: LCP ≤ ${t.lcpMs} ms`, `${fmt(lhArticle.lcpMs)} — ${target(lhArticle.lcpMs <= t.lcpMs)}`],
        [`Target: TBT ≤ ${t.tbtMs} ms`, `${fmt(lhArticle.tbtMs)} — ${target(lhArticle.tbtMs <= t.tbtMs)}`],
      ],
    ),
  ].join('\n');
  console.log(report);
  Object.assign(results, {
    rows,
    bytes,
    lighthouse: { simulated: sim, applied },
    growth,
    nginx: nginxRow,
    nginxProxied: proxiedRow,
    failures,
  });
  fs.writeFileSync(path.join(outDir, ci ? 'results-ci.json' : 'results.json'), JSON.stringify(results, null, 2));
  fs.writeFileSync(path.join(outDir, ci ? 'results-ci.md' : 'results.md'), `${report}\n`);
} finally {
  for (const server of [cached, uncached, cachedOne, uncachedOne, floor, postgresA, postgresB, postgresUncached]) await stopServer(server).catch(() => {});
  await redis.stop();
  await pgDatabase.drop();
}

if (failures.length) {
  console.error(`\nbench: budgets missed:\n- ${failures.join('\n- ')}`);
  process.exitCode = 1;
} else {
  console.error('\nbench: every budget met');
}

/**
 * Latency of a forced miss (the page cache off: the store is asked every time) on a store of
 * 1,000 stories and on one of `--large` (a million by default, filled once and kept), every
 * page kind whose queries could grow with the archive: both served at once, each probe on one
 * then the other, in three alternating rounds; the round with the median ratio is kept.
 * Returns the table's rows.
 */
async function measureGrowth(): Promise<string[][]> {
  const smallStore = await growthStore(1000);
  const largeStore = await growthStore(largeCount);
  const serverFor = (store: typeof smallStore, port: number) =>
    startServer(port, { ...store.env, STORIES_PER_PAGE: String(pageSize), NEWSROOM_PAGE_CACHE: 'off' });
  const small = { store: smallStore, server: await serverFor(smallStore, 3202) };
  const large = { store: largeStore, server: await serverFor(largeStore, 3207) };
  try {
    const deepPage = (store: typeof smallStore) => Math.max(1, Math.ceil(store.sectionSize('europe') / pageSize));
    const deep = { small: deepPage(small.store), large: deepPage(large.store) };
    const probes = [
      ['Article', () => paths.article, true],
      ['Section, first page', () => paths.section, true],
      [`Section, last page (${deep.small} / ${deep.large})`, (size: 'small' | 'large') => `${paths.section}?page=${deep[size]}`, true],
      // A word a handful of stories carry, one every synthetic story carries, and the French edition's search (other stories, other language).
      ['Search, a rare word (en)', () => '/en/search?q=europol', true],
      ['Search, a word in every story (en)', () => '/en/search?q=officials', true],
      ['Search, the French edition', () => '/fr/search?q=europol', true],
      ['Sitemap index', () => '/sitemap.xml', true],
      ['Sitemap of one month', () => '/sitemaps/en/stories-2016-06.xml', false, 'lists every story of the month'],
      ['News sitemap (last two days)', () => '/sitemaps/en/news.xml', true],
    ] as const;
    const probe = async (server: Server, p: string) => {
      // Latency, not throughput: 8 connections, fewer than would queue a search on two cores.
      const result = await load(`${server.url}${p}`, 5, {}, growthConnections);
      if (result.errors) failures.push(`${p}: ${result.errors} answers other than 2xx/3xx under load`);
      return result;
    };
    const rounds: { small: Load; large: Load }[][] = [];
    for (let round = 0; round < 3; round += 1) {
      log(`growth: round ${round + 1} of 3, 1,000 and ${largeCount.toLocaleString('en')} stories in turn`);
      const measured: { small: Load; large: Load }[] = [];
      for (const [, pathOf] of probes) {
        measured.push({ small: await probe(small.server, pathOf('small')), large: await probe(large.server, pathOf('large')) });
      }
      rounds.push(measured);
    }
    return probes.map(([label, , gated, why], i) => {
      const byRatio = rounds.map((r) => r[i]!).sort((x, y) => x.large.p50 / x.small.p50 - y.large.p50 / y.small.p50);
      const { small: a, large: b } = byRatio[1]!;
      const ratio = b.p50 / a.p50;
      const spread = `${fmt(byRatio[0]!.large.p50 / byRatio[0]!.small.p50, 2)}–${fmt(byRatio[2]!.large.p50 / byRatio[2]!.small.p50, 2)}`;
      const verdict = gated
        ? check(ratio <= budgets.growth, `${label}: ${fmt(ratio, 2)} × slower at ${largeCount} stories (budget ${budgets.growth})`)
        : `reported: ${why}`;
      return [label, fmt(a.p50, 1), fmt(b.p50, 1), `${fmt(ratio, 2)} (rounds ${spread})`, verdict];
    });
  } finally {
    await stopServer(small.server);
    await stopServer(large.server);
  }
}

/** Serves the article's HTML as a file from nginx (sendfile, as the shipped configuration): the ceiling for a cache hit. */
async function startNginxCeiling(articleUrl: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-nginx-'));
  // Started as root, nginx's workers run as nobody: they must be able to read the file.
  fs.chmodSync(dir, 0o755);
  fs.mkdirSync(path.join(dir, 'logs'));
  fs.writeFileSync(path.join(dir, 'article.html'), await getBody(articleUrl));
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `worker_processes 1;\ndaemon off;\npid ${dir}/nginx.pid;\nerror_log ${dir}/logs/error.log;\nevents { worker_connections 1024; }\nhttp {\n  access_log off;\n  sendfile on;\n  types { text/html html; }\n  server {\n    listen 127.0.0.1:3299;\n    root ${dir};\n    location / { try_files $uri =404; }\n  }\n}\n`,
  );
  const child = spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'ignore' });
  await new Promise((resolve) => setTimeout(resolve, 500));
  return {
    url: 'http://127.0.0.1:3299/article.html',
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
