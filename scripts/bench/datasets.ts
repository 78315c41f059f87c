import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import zlib from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { budgets, growthConnections, largeCount, log, outDir, pageSize, paths, run, values } from './config';
import { load, type Load } from './load';
import { check, failures, fmt } from './report';
import { getBody, startServer, stopServer, type Server } from './servers';

// ---- datasets ------------------------------------------------------------------------------

export async function storeWith(count: number): Promise<string> {
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

/**
 * Latency of a forced miss (the page cache off: the store is asked every time) on a store of
 * 1,000 stories and on one of `--large` (a million by default, filled once and kept), every
 * page kind whose queries could grow with the archive: both served at once, each probe on one
 * then the other, in three alternating rounds; the round with the median ratio is kept.
 * Returns the table's rows.
 */
export async function measureGrowth(): Promise<string[][]> {
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

/**
 * Serves a page as nginx serves a precompressed file (gzip_static: the .gz beside it, sent to a
 * browser that takes gzip), with a worker per core: what the edge is measured against (issue 29).
 */
export async function startNginxGzipStatic(pageUrl: string, port = 3298): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-nginx-gz-'));
  fs.chmodSync(dir, 0o755);
  fs.mkdirSync(path.join(dir, 'logs'));
  const html = await getBody(pageUrl);
  fs.writeFileSync(path.join(dir, 'page.html'), html);
  fs.writeFileSync(path.join(dir, 'page.html.gz'), zlib.gzipSync(html, { level: 6 }));
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `worker_processes auto;\ndaemon off;\npid ${dir}/nginx.pid;\nerror_log ${dir}/logs/error.log;\nevents { worker_connections 2048; }\nhttp {\n  access_log off;\n  sendfile on;\n  tcp_nopush on;\n  types { text/html html; }\n  gzip_static on;\n  gzip_vary on;\n  server {\n    listen 127.0.0.1:${port};\n    root ${dir};\n    location / { try_files $uri =404; }\n  }\n}\n`,
  );
  const child = spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'ignore' });
  await new Promise((resolve) => setTimeout(resolve, 500));
  return {
    url: `http://127.0.0.1:${port}/page.html`,
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

/** Serves the article's HTML as a file from nginx (sendfile, as the shipped configuration): the ceiling for a cache hit. */
export async function startNginxCeiling(articleUrl: string): Promise<{ url: string; stop: () => Promise<void> }> {
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
