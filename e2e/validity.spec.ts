import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { demoByEdition, demoPath, frontMatter } from './support/demo';
import { editionIds } from '../lib/domain/editions';
import { slugify } from '../lib/domain/slug';
import { aboutPath, authorPath, editionPath, searchPath, tagPath } from '../lib/domain/urls';

/**
 * Every page kind of every edition is valid HTML by the W3C's own checker (the Nu Html Checker,
 * vnu.jar from the vnu-jar package, run with the system's Java): server HTML as a crawler gets it.
 */

const vnu = path.resolve('node_modules/vnu-jar/build/dist/vnu.jar');

test('every page kind of every edition passes the W3C HTML checker', async ({ request }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'server HTML is the same for every screen');
  test.setTimeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vnu-'));
  const pages: string[] = [];
  for (const id of editionIds) {
    const demo = demoByEdition[id];
    const story = frontMatter(demo.europolFile);
    const author = story.authors[0]!;
    pages.push(
      editionPath(id),
      demo.section,
      `${demo.section}?page=2`,
      demo.europol,
      demo.live,
      tagPath(id, slugify(story.tags[0]!)),
      authorPath(id, slugify(typeof author === 'string' ? author : author.name)),
      aboutPath(id),
      searchPath(id, { q: demo.searchWord }),
      demo.withdrawn,
      `${demo.section}/20180101-no-such-story`,
      demoPath(id, frontMatter(demo.videoFile)),
      demoPath(id, frontMatter(demo.audioFile)),
    );
  }
  const files: string[] = [];
  for (const [index, page] of pages.entries()) {
    const answer = await request.get(page);
    expect([200, 404, 410], page).toContain(answer.status());
    const file = path.join(dir, `${String(index).padStart(2, '0')}.html`);
    fs.writeFileSync(file, await answer.text());
    files.push(file);
  }
  const result = spawnSync('java', ['-jar', vnu, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8' });
  expect(result.error, 'Java is needed to run the checker (.ci/run installs it)').toBeUndefined();
  const messages = (JSON.parse(result.stderr || '{"messages":[]}') as { messages: { url: string; message: string; lastLine?: number }[] }).messages;
  const readable = messages.map((m) => `${pages[files.findIndex((f) => m.url.endsWith(path.basename(f)))]}:${m.lastLine ?? ''} ${m.message}`);
  expect(readable).toEqual([]);
});
