import { spawn } from 'node:child_process';
import http from 'node:http';
import { benchAuth, benchStory, connections, duration, has } from './config';
import { getBody, type Server } from './servers';

// ---- load ----------------------------------------------------------------------------------

/** `errors`: answers that were not 2xx/3xx (a failure); `timeouts`: requests still unanswered after wrk's 2 s. */
export type Load = { rps: number; p50: number; p99: number; errors: number; timeouts: number };

export async function load(url: string, seconds = duration, headers: Record<string, string> = {}, concurrency = connections): Promise<Load> {
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

/** A write shed (503, Retry-After) by an instance the load keeps busy, sent again as an editor's tool would. */
export async function sentAgainIfShed(send: () => Promise<Response>): Promise<Response> {
  let answer = await send();
  for (let retry = 0; answer.status === 503 && retry < 10; retry += 1) {
    await answer.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 200));
    answer = await send();
  }
  return answer;
}

/**
 * The home of `read` under 200 connections for 15 s while a story is published through
 * `write` every 3 s: the load, and for each publish how long until `read`'s home showed it
 * after the publish was answered (polled beside the load; 10 s at most), and how long the publish
 * itself took under the load. The stories are withdrawn afterwards.
 */
export async function homeWhilePublishing(
  read: Pick<Server, 'url'>,
  write: Server,
  store: string,
  headers: Record<string, string> = {},
): Promise<{ name: string; home: Load; reached: number[]; publishMs: number[] }> {
  const seconds = 15;
  const loading = load(`${read.url}/en`, seconds, headers, 200);
  const reached: number[] = [];
  const publishMs: number[] = [];
  const ids: string[] = [];
  for (let i = 0; i < seconds / 3 - 1; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const id = `bench-${store}-${i}-${Date.now()}`;
    const headline = `Bench publish ${id}`;
    const story = { ...benchStory, id, slug: id, headline, publishedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') };
    const posted = Date.now();
    const answer = await sentAgainIfShed(() => fetch(`${write.url}/api/v1/articles`, { method: 'POST', headers: benchAuth, body: JSON.stringify(story) }));
    if (answer.ok) ids.push(id);
    if (!answer.ok) throw new Error(`bench: could not publish through ${write.url}: ${answer.status} ${await answer.text()}`);
    // From the publish's answer (the write is committed): how long until a reader of `read` gets it.
    const start = Date.now();
    publishMs.push(start - posted);
    while (!(await getBody(`${read.url}/en`)).toString().includes(headline) && Date.now() - start < 10_000) await new Promise((r) => setTimeout(r, 10));
    reached.push(Date.now() - start);
  }
  const home = await loading;
  for (const id of ids) await fetch(`${write.url}/api/v1/articles/${id}`, { method: 'DELETE', headers: benchAuth });
  const names: Record<string, string> = {
    sqlite: 'SQLite',
    postgres: 'PostgreSQL + Redis (published through another instance)',
    edge: 'through the edge, PostgreSQL + Redis',
  };
  return { name: names[store] ?? store, home, reached, publishMs };
}

/**
 * More readers than the server can take: `connections` keep-alive connections in a closed loop
 * (each asks again as soon as it has its answer), for `seconds` after a two-second warm-up in
 * which the connections are opened. Counts what was served (200) apart from what was shed
 * (503), so that the latency of the served is not hidden among fast refusals — what wrk's one
 * latency table would do. Node's own client: wrk cannot tell statuses apart in its latencies.
 */
export type Overload = {
  servedRps: number;
  shedShare: number;
  p50: number;
  p99: number;
  timeouts: number;
  other: number;
  checksMs: { health: number[]; ready: number[] };
};

export async function overload(url: string, connections = 200, seconds = duration, timeoutMs = 5000): Promise<Overload> {
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
