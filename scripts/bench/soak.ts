import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { log, outDir } from './config';
import { getBody, residentMb, type Server } from './servers';

/**
 * The soak (issue 29): a mixed load for `minutes` — cached pages of every kind (fronts, sections,
 * their later pages, articles across the archive, feeds), a quarter of uncached searches, each
 * for a word never asked before, and a few not-found pages — at 32 connections, with each
 * process's resident memory sampled as it runs. What an operator sizes a machine by: whether
 * memory levels off, and where.
 */

type SoakSample = { seconds: number; primary: number; workers: number[] };
export type Soak = { minutes: number; samples: SoakSample[]; requests: number; errors: number; rps: number };

/** Up to `max` article URLs from the server's own sitemaps: the archive a crawler walks. */
async function archivePaths(server: Server, max: number): Promise<string[]> {
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const index = locs((await getBody(`${server.url}/sitemap.xml`)).toString());
  const paths: string[] = [];
  for (const sitemap of index.filter((p) => /stories-/.test(p))) {
    paths.push(...locs((await getBody(`${server.url}${sitemap}`)).toString()));
    if (paths.length >= max) break;
  }
  return paths.slice(0, max);
}

export async function soak(server: Server, minutes: number, sampleSeconds: number): Promise<Soak> {
  const articles = await archivePaths(server, 2000);
  const fronts = ['/en', '/fr', '/ar', '/en/europe', '/en/africa', '/fr/europe', '/ar/middle-east', '/en/about'];
  const lists = [2, 3, 4, 5, 6].flatMap((page) => [`/en/europe?page=${page}`, `/en/americas?page=${page}`]);
  const feeds = ['/en/feeds/rss.xml', '/fr/feeds/atom.xml', '/en/feeds/europe/rss.xml', '/sitemap.xml'];
  const lua = path.join(outDir, `soak-${new URL(server.url).port}.lua`);
  const list = (items: string[]) => `{${items.map((item) => JSON.stringify(item)).join(',')}}`;
  fs.writeFileSync(
    lua,
    `local articles = ${list(articles)}
local fronts = ${list(fronts)}
local lists = ${list(lists)}
local feeds = ${list(feeds)}
local words = {"europe","election","water","rail","parliament","climate","border","market","police","glacier"}
local n = 0
local id = tostring(math.random(1, 1000000000))
math.randomseed(os.time() + math.random(1, 100000))
request = function()
  n = n + 1
  local r = math.random()
  local target
  if r < 0.25 then target = "/en/search?q=" .. words[math.random(#words)] .. id .. "x" .. n
  elseif r < 0.28 then target = "/en/europe/20990101-nothing-here-" .. id .. "-" .. n
  elseif r < 0.40 then target = fronts[math.random(#fronts)]
  elseif r < 0.50 then target = lists[math.random(#lists)]
  elseif r < 0.55 then target = feeds[math.random(#feeds)]
  else target = articles[math.random(#articles)] end
  return wrk.format("GET", target, {["Accept-Encoding"] = "gzip, deflate, br"})
end
`,
  );
  log(`soak: ${minutes} min of mixed load on ${articles.length} articles and the other page kinds, 32 connections, memory every ${sampleSeconds} s`);
  const samples: SoakSample[] = [];
  const started = Date.now();
  const sample = () => {
    const rss = residentMb(server);
    samples.push({ seconds: Math.round((Date.now() - started) / 1000), primary: rss.primary, workers: rss.workers });
  };
  sample();
  const timer = setInterval(sample, sampleSeconds * 1000);
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn('wrk', ['-t2', '-c32', `-d${Math.round(minutes * 60)}s`, '--timeout', '10s', '-s', lua, server.url], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => resolve(text));
  });
  clearInterval(timer);
  sample();
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
  const errors = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  return { minutes, samples, requests, errors, rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0) };
}

/** The curve as a table, and how much the largest worker grew in the last part of the soak, per five minutes. */
export function soakReport(result: Soak): { table: string; lastGrowthPer5Min: number; peakWorkerMb: number } {
  const rows = result.samples.map((s) => `| ${s.seconds} | ${s.primary} | ${s.workers.join(' / ')} |`);
  const largest = (s: SoakSample) => Math.max(0, ...s.workers);
  const last = result.samples.at(-1)!;
  const fromIndex = Math.floor((result.samples.length * 2) / 3);
  const from = result.samples[fromIndex] ?? result.samples[0]!;
  const span = Math.max(1, last.seconds - from.seconds);
  const lastGrowthPer5Min = ((largest(last) - largest(from)) / span) * 300;
  return {
    table: `| Seconds | Primary MB | Workers MB |\n|---:|---:|---|\n${rows.join('\n')}`,
    lastGrowthPer5Min,
    peakWorkerMb: Math.max(...result.samples.map(largest)),
  };
}
