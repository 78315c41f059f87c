import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getArticleById } from '../store/articles';
import { makeTempDir, storePerTest } from '../testing/fixtures';
import { ContentImportError, importContent } from './import-content';

/**
 * A machine without ffmpeg (decision 025): an editor's import of a story with a video is refused
 * with a message that says what is missing; the demo, seeded there, keeps its stories without
 * their videos and recordings.
 */

const store = storePerTest();
const path0 = process.env.PATH;
afterEach(() => {
  process.env.PATH = path0;
});

function storyWithVideo(): string {
  const dir = makeTempDir('import-media-');
  fs.copyFileSync(path.resolve('content/media/glacier-en.mp4'), path.join(dir, 'clip.mp4'));
  fs.writeFileSync(
    path.join(dir, 'story.md'),
    `---
id: import-media-story
edition: en
section: europe
slug: import-media-story
headline: A story that leads with a clip
standfirst: It is imported on a machine that may lack ffmpeg.
authors: [Claire Dubois]
publishedAt: 2018-04-27T14:05:00+02:00
mainImage: { src: /images/demo/europol-headquarters.jpg, alt: An office building, caption: An office building., credit: Meridian, width: 1600, height: 1067 }
mainVideo: { src: clip.mp4, caption: A clip., credit: Meridian }
---

A paragraph.
`,
  );
  return dir;
}

describe('importing video without ffmpeg', () => {
  it('is refused, saying what to install; the demo’s way leaves the video out and keeps the story', async () => {
    const dir = storyWithVideo();
    process.env.PATH = makeTempDir('no-tools-');
    const refused = await importContent(store.db, dir, { publicDir: path.resolve('public') }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ContentImportError);
    expect((refused as ContentImportError).issues.map((issue) => issue.message).join(' ')).toContain('apt-get install ffmpeg');

    await importContent(store.db, dir, { publicDir: path.resolve('public'), withoutMediaTools: 'skip' });
    const stored = await getArticleById(store.db, 'import-media-story');
    expect(stored?.article.headline).toBe('A story that leads with a clip');
    expect(stored?.article.mainVideo).toBeUndefined();

    process.env.PATH = path0;
    await importContent(store.db, dir, { publicDir: path.resolve('public') });
    expect((await getArticleById(store.db, 'import-media-story'))?.article.mainVideo?.src).toMatch(/^\/media\/[0-9a-f]{32}\.mp4$/);
  });
});
