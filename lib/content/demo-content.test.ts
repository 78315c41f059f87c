import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoImages } from '../../scripts/generate-images';
import { getArticleById } from '../store/articles';
import { listSections } from '../store/sections';
import type { Store } from '../store/database';
import { openTestStore } from '../testing/fixtures';
import type { Article } from '../domain/article-schema';
import { importContent } from './import-content';

/** The demo content shipped in content/ imports cleanly and shows off every part of a story. */

let store: Store;
let stories: Article[];

beforeAll(async () => {
  await generateDemoImages(path.resolve('public/images/demo'));
  store = await openTestStore();
  const report = await importContent(store.db, path.resolve('content'));
  stories = (await Promise.all(report.created.map((id) => getArticleById(store.db, id)))).filter((a): a is Article => Boolean(a));
}, 120_000);

const blocks = (a: Article, type: string) => a.body.filter((b) => b.type === type);

describe('the demo content', () => {
  it('has at least 16 stories in at least 4 sections, spread over weeks', async () => {
    expect(stories.length).toBeGreaterThanOrEqual(16);
    const sections = await listSections(store.db, 'en');
    expect(sections.length).toBeGreaterThanOrEqual(4);
    for (const section of sections) expect(stories.some((s) => s.section === section.slug), section.slug).toBe(true);
    const times = stories.map((s) => Date.parse(s.publishedAt));
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(21 * 24 * 3600 * 1000);
  });

  it('gives every story a standfirst, a byline, a credited main image and at least two subheadings', () => {
    for (const story of stories) {
      expect(story.standfirst.length, story.id).toBeGreaterThan(20);
      expect(story.authors.length, story.id).toBeGreaterThan(0);
      expect(story.mainImage.credit, story.id).toMatch(/^[^,]+, [^,]+$/); // "Photographer, Agency"
      expect(story.mainImage.caption.length, story.id).toBeGreaterThan(10);
      expect(blocks(story, 'subheading').length, story.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('has pull quotes and captioned inline images in most stories', () => {
    const withQuote = stories.filter((s) => blocks(s, 'pullQuote').length > 0).length;
    const withImage = stories.filter((s) => blocks(s, 'image').length > 0).length;
    expect(withQuote).toBeGreaterThan(stories.length / 2);
    expect(withImage).toBeGreaterThan(stories.length / 2);
  });

  it('has pictures in several shapes', () => {
    const ratios = new Set(stories.flatMap((s) => [s.mainImage, ...s.body.flatMap((b) => (b.type === 'image' ? [b.image] : []))]).map((i) => (i.width / i.height).toFixed(2)));
    expect(ratios.size).toBeGreaterThanOrEqual(4);
  });

  it('covers the Europol operation with a source credit line, has one withdrawn and one renamed story', () => {
    const europol = stories.find((s) => s.slug === 'europol-hits-is-propaganda-servers');
    expect(europol?.sourceCredit).toBe('with AP');
    expect(stories.filter((s) => s.status === 'withdrawn').map((s) => s.slug)).toEqual(['paris-metro-line-to-close-for-two-years']);
    expect(stories.find((s) => s.slug === 'night-trains-return-to-european-rails')?.previousSlugs).toEqual(['sleeper-trains-make-a-comeback']);
  });
});
