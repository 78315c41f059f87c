import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer } from './support/server';
import { richestStory } from './support/urls';

test('one article request never runs the same query twice', async ({ request }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one server-side check is enough');
  const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'query-log-')), 'queries.jsonl');
  // One worker: the query log is of the process that answers, and it must have opened the store already.
  const server = await startServer(3190, { DATABASE_PATH: '.data/e2e.sqlite', STORIES_PER_PAGE: '4', STORE_QUERY_LOG: log, WEB_CONCURRENCY: '1' });
  try {
    await request.get(`${server.url}/en/about`); // warm up: the store opens and migrates
    fs.writeFileSync(log, '');
    const response = await request.get(`${server.url}${richestStory}`);
    expect(response.status()).toBe(200);
    const queries = fs
      .readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const { sql, parameters } = JSON.parse(line) as { sql: string; parameters: unknown[] };
        return JSON.stringify({ sql, parameters });
      });
    expect(queries.length).toBeGreaterThan(2);
    const repeated = queries.filter((q, i) => queries.indexOf(q) !== i);
    expect(repeated).toEqual([]);
  } finally {
    await server.stop();
  }
});
