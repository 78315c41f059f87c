import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { api } from '../../lib/domain/urls';
import { outDir } from './config';
import { getBody, type Server } from './servers';

/**
 * The read beacon (issue 32): how many views a second one server takes, how many store writes
 * they cost, and whether the pages' cache-hit rate holds while they flow. Three phases of the
 * same length: the edition's newest stories read from the page cache alone; wrk firing beacons
 * for those stories from a different address each (a new reader each: every view is collected
 * and written, the most work the counter can be given); then the same reads while the beacons
 * flow, for one period of the most read list's refresh, so that its purges happen during the run.
 */

export type BeaconResult = {
  viewsPerSecond: number;
  received: number;
  batches: number;
  hitRateAlone: number;
  hitRateWithBeacons: number;
  pageRequestsAlone: number;
  pageRequestsWithBeacons: number;
};

/** The share of page answers that came from the page cache (`x-nextjs-cache: HIT` or `STALE`) over `seconds`, at 8 connections. */
async function pageHitRate(server: Server, paths: string[], seconds: number): Promise<{ rate: number; requests: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const until = Date.now() + seconds * 1000;
  let hits = 0;
  let requests = 0;
  const client = async (offset: number) => {
    for (let i = offset; Date.now() < until; i += 1) {
      const target = new URL(paths[i % paths.length]!, server.url);
      await new Promise<void>((resolve) => {
        const req = http.get(target, { agent }, (res) => {
          // Served from the cache: fresh, or stale while it is made again in the background.
          if (res.headers['x-nextjs-cache'] === 'HIT' || res.headers['x-nextjs-cache'] === 'STALE') hits += 1;
          requests += 1;
          res.resume();
          res.on('end', resolve);
        });
        req.on('error', () => resolve());
      });
    }
  };
  await Promise.all(Array.from({ length: 8 }, (_, i) => client(i)));
  agent.destroy();
  return { rate: requests ? hits / requests : 0, requests };
}

/** The counter's own figures, summed over the server's workers (lib/server/metrics.mjs). */
async function beaconMetrics(metricsUrl: string): Promise<{ received: number; batches: number }> {
  const text = (await getBody(metricsUrl)).toString();
  const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? 0);
  return { received: value(/^newsroom_views\{stage="received"\} (\d+)/m), batches: value(/^newsroom_view_batches (\d+)/m) };
}

/** How often the server works out the most read list again: its default (lib/data/view-counter.ts). */
const refreshSeconds = 30;

export async function measureBeacon(server: Server, metricsUrl: string, seconds: number): Promise<BeaconResult> {
  const list = JSON.parse((await getBody(`${server.url}${api.articles(new URLSearchParams({ edition: 'en', limit: '20' }))}`)).toString()) as {
    items: { id: string; path: string }[];
  };
  const paths = list.items.map((item) => item.path);
  for (const target of paths) await getBody(`${server.url}${target}`);
  const alone = await pageHitRate(server, paths, seconds);

  const lua = path.join(outDir, 'beacon.lua');
  fs.writeFileSync(
    lua,
    `local ids = {${list.items.map((item) => JSON.stringify(item.id)).join(',')}}
math.randomseed(os.time())
request = function()
  local address = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
  local headers = {["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", ["X-Forwarded-For"] = address}
  return wrk.format("POST", "${api.view('')}" .. ids[math.random(#ids)], headers, "")
end
`,
  );
  const beacons = (length = seconds) =>
    new Promise<string>((resolve, reject) => {
      const child = spawn('wrk', ['-t2', '-c64', `-d${length}s`, '-s', lua, server.url], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('error', reject);
      child.on('close', () => resolve(out));
    });
  // The beacons alone: what the endpoint takes, and what it writes (the last batch within the counter's five seconds).
  const before = await beaconMetrics(metricsUrl);
  const out = await beacons();
  await new Promise((resolve) => setTimeout(resolve, 6_000));
  const after = await beaconMetrics(metricsUrl);
  // Then the pages again while beacons flow, for one period of the most read list's refresh (its
  // default, 30 s): the run holds at least one purge of the pages that show it.
  const [, withBeacons] = await Promise.all([beacons(refreshSeconds), pageHitRate(server, paths, refreshSeconds)]);
  return {
    viewsPerSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
    received: after.received - before.received,
    batches: after.batches - before.batches,
    hitRateAlone: alone.rate,
    hitRateWithBeacons: withBeacons.rate,
    pageRequestsAlone: alone.requests,
    pageRequestsWithBeacons: withBeacons.requests,
  };
}
