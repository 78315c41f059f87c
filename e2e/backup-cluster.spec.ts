import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { startServer, type RunningServer } from './support/server';
import { createDatabase, type TestDatabase } from './support/services';

/**
 * An operator gets the archive back (issue 29): `npm run store:backup -- FILE` copies a running
 * store, pictures included; `npm run store:restore -- FILE` loads it into an empty store; an
 * instance started on that serves the same pages, feeds, sitemaps, API answers and pictures as
 * the original — a crawl of each (scripts/crawl-snapshot.ts) compared file by file. On SQLite and
 * on PostgreSQL. Runs in the `cluster` project.
 */

const token = 'backup-publish-token';
const auth = { Authorization: `Bearer ${token}` };
const example = JSON.parse(fs.readFileSync('content/examples/publish-article.json', 'utf8')) as Record<string, unknown>;

test.setTimeout(180_000);

function npm(script: string, file: string, env: Record<string, string>) {
  const result = spawnSync('npm', ['run', '--silent', script, '--', file], { env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

function crawl(server: RunningServer, dir: string) {
  const result = spawnSync('npx', ['tsx', 'scripts/crawl-snapshot.ts', server.url, dir], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
}

/**
 * How a page's RSC payload is cut into inline scripts depends on when each part of the stream
 * was ready, not on the content (and with it how many script hashes its policy names): both are
 * set aside; the document a reader sees, and everything else, is compared as it is.
 */
function withoutStreamChunks(dir: string) {
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(
      file,
      text.replace(/<script(?: nonce="…")?>self\.[^<]*_f\.push\(.*?\)<\/script>/gs, '').replace(/^content-security-policy: .*$/m, 'content-security-policy: …'),
    );
  }
}

/** Content of our own beyond the demo's: a story and a picture uploaded through the API. */
async function addContent(server: RunningServer): Promise<string> {
  const picture = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#2d6a4f' } })
    .jpeg()
    .toBuffer();
  const uploaded = await fetch(`${server.url}/api/v1/media`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'image/jpeg' },
    body: new Uint8Array(picture),
  });
  expect(uploaded.status).toBe(201);
  const { src } = (await uploaded.json()) as { src: string };
  const story = { ...example, id: 'backed-up', slug: 'backed-up-story', headline: 'A story kept in the backup', section: 'environment' };
  const published = await fetch(`${server.url}/api/v1/articles`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify(story),
  });
  expect(published.status).toBeLessThan(300);
  return src;
}

for (const kind of ['sqlite', 'postgres'] as const) {
  test(`on ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, a backup of a running store restored into an empty one serves the same site`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `newsroom-backup-${kind}-`));
    const databases: TestDatabase[] = [];
    const servers: RunningServer[] = [];
    try {
      let from: Record<string, string>;
      let to: Record<string, string>;
      if (kind === 'sqlite') {
        from = { DATABASE_PATH: path.join(dir, 'store.sqlite') };
        to = { DATABASE_PATH: path.join(dir, 'restored.sqlite') };
      } else {
        databases.push(await createDatabase('newsroom_backup_from'), await createDatabase('newsroom_backup_to'));
        from = { DATABASE_URL: databases[0]!.url };
        to = { DATABASE_URL: databases[1]!.url };
      }
      const env = { PUBLISH_TOKEN: token, WEB_CONCURRENCY: '1' };
      const port = kind === 'sqlite' ? 3321 : 3323;
      const original = await startServer(port, { ...env, ...from });
      servers.push(original);
      const picture = await addContent(original);

      // Taken while the instance runs.
      const file = path.join(dir, kind === 'sqlite' ? 'newsroom.backup.sqlite' : 'newsroom.backup.dump');
      const backup = npm('store:backup', file, from);
      expect(backup.status, backup.out).toBe(0);
      // The demo's three video posters and the picture added; its videos, recordings and captions.
      expect(backup.out).toMatch(/\d+ stories, 4 pictures and 9 video, audio and caption files/);
      // Never over a file that exists, never into a store that holds something.
      expect(npm('store:backup', file, from).status).toBe(1);
      const refused = npm('store:restore', file, from);
      expect(refused.status).toBe(1);
      expect(refused.out).toContain('not empty');

      const restore = npm('store:restore', file, to);
      expect(restore.status, restore.out).toBe(0);
      const restored = await startServer(port + 1, { ...env, ...to });
      servers.push(restored);

      const picked = await fetch(`${restored.url}${picture}`);
      expect(picked.status).toBe(200);
      expect(Buffer.from(await picked.arrayBuffer())).toEqual(Buffer.from(await (await fetch(`${original.url}${picture}`)).arrayBuffer()));
      expect(await (await fetch(`${restored.url}/api/v1/articles/backed-up`)).json()).toMatchObject({ headline: 'A story kept in the backup' });
      // A video, byte for byte, in the ranges a player asks for.
      const { mainVideo } = (await (await fetch(`${original.url}/api/v1/articles/alpine-glaciers-2018`)).json()) as { mainVideo: { src: string } };
      const range = async (server: RunningServer) =>
        Buffer.from(await (await fetch(`${server.url}${mainVideo.src}`, { headers: { Range: 'bytes=1000-99999' } })).arrayBuffer());
      expect((await range(restored)).equals(await range(original))).toBe(true);

      crawl(original, path.join(dir, 'original'));
      crawl(restored, path.join(dir, 'restored'));
      for (const side of ['original', 'restored']) withoutStreamChunks(path.join(dir, side));
      const compared = spawnSync('diff', ['-r', path.join(dir, 'original'), path.join(dir, 'restored')], { encoding: 'utf8' });
      expect(compared.stdout.slice(0, 4000), 'the restored store serves what the original serves').toBe('');
      expect(fs.readdirSync(path.join(dir, 'original')).length).toBeGreaterThan(100);
    } finally {
      for (const server of servers) await server.stop();
      for (const database of databases) await database.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
