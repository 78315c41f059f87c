import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer, type RunningServer } from './support/server';

/**
 * The server as it starts by default: a primary process that accepts connections and a worker
 * per core (lib/server/main.mjs). Every worker sees every write at once, a worker that dies is
 * replaced, SIGTERM stops them all, and the log names the process. Its own SQLite store.
 */

const token = 'e2e-workers-token';
const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
const example = JSON.parse(fs.readFileSync('content/examples/publish-article.json', 'utf8')) as Record<string, unknown>;
const store = path.resolve('.data/e2e-workers.sqlite');

test.describe.configure({ mode: 'serial' });
test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'processes, not screens: once is enough');
});

let server: RunningServer;

test.beforeAll(async ({}, testInfo) => {
  if (testInfo.project.name !== 'desktop') return;
  test.setTimeout(120_000);
  for (const file of fs.readdirSync('.data').filter((f) => f.startsWith('e2e-workers.sqlite'))) fs.rmSync(path.join('.data', file));
  server = await startServer(3171, { DATABASE_PATH: store, PUBLISH_TOKEN: token, LOG_LEVEL: 'info', SITE_URL: 'http://127.0.0.1:3171' });
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus || !server) return;
  fs.writeFileSync(testInfo.outputPath('server.log'), server.output());
  await testInfo.attach('server output', { path: testInfo.outputPath('server.log'), contentType: 'text/plain' });
});

test.afterAll(async () => {
  await server?.stop();
});

const workers = () => {
  const pids = new Map<string, number>();
  for (const line of server.logLines()) if (line.msg === 'listening' && typeof line.process === 'string') pids.set(line.process, Number(line.pid));
  return pids;
};

/** Asks often enough that the primary's round robin reaches every worker. */
async function askEveryWorker(target: string, times = 8): Promise<{ status: number; text: string }[]> {
  const answers = [];
  for (let i = 0; i < times; i += 1) {
    const response = await fetch(`${server.url}${target}`, { headers: { Connection: 'close' } });
    answers.push({ status: response.status, text: await response.text() });
  }
  return answers;
}

test('starts a worker per core, each named in the log', async () => {
  await expect.poll(() => workers().size, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  expect(server.logLines().some((line) => line.process === 'primary' && line.msg === 'starting')).toBe(true);
  const served = new Set<unknown>();
  for (const answer of await askEveryWorker('/en/about')) expect(answer.status).toBe(200);
  await expect
    .poll(() => {
      for (const line of server.logLines()) if (line.msg === 'request' && line.path === '/en/about') served.add(line.process);
      return served.size;
    })
    .toBeGreaterThanOrEqual(2);
});

test('every worker serves a publish, and then its correction, on the very next request', async () => {
  const body = (headline: string) => JSON.stringify({ ...example, id: 'e2e-workers-story', slug: 'e2e-workers-story', headline });
  const published = await fetch(`${server.url}/api/v1/articles`, { method: 'POST', headers: auth, body: body('First version of the workers story') });
  expect(published.status).toBe(201);
  const { path: storyPath } = (await published.json()) as { path: string };
  for (const answer of await askEveryWorker(storyPath)) expect(answer.text).toContain('First version of the workers story');
  expect((await fetch(`${server.url}/api/v1/articles`, { method: 'POST', headers: auth, body: body('Corrected version of the workers story') })).status).toBe(
    200,
  );
  for (const answer of await askEveryWorker(storyPath)) {
    expect(answer.text).toContain('Corrected version of the workers story');
    expect(answer.text).not.toContain('First version');
  }
});

test('a worker killed outright is replaced, and the site keeps answering', async () => {
  const before = workers();
  const [name, pid] = [...before.entries()][0]!;
  process.kill(pid, 'SIGKILL');
  await expect
    .poll(() => server.logLines().some((line) => line.workerPid === pid && String(line.msg).includes('stopped unexpectedly')), { timeout: 10_000 })
    .toBe(true);
  await expect.poll(() => [...workers().values()].filter((p) => p !== pid).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(before.size);
  for (const answer of await askEveryWorker('/en/about')) expect(answer.status).toBe(200);
  expect(name).toMatch(/^worker \d+$/);
});

test('SIGTERM stops every process, after the requests in flight', async () => {
  const pids = [...workers().values()];
  expect(await server.stop('SIGTERM')).toBe(143);
  for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
});
