import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoImages } from '../../scripts/generate-images';
import { getArticleById } from '../store/articles';
import { listSections } from '../store/sections';
import type { Store } from '../store/database';
import { openTestStore } from '../testing/fixtures';
import type { Article } from '../domain/article-schema';
import { editionIds } from '../domain/editions';
import { importContent } from './import-content';

/** The demo content shipped in content/ imports cleanly and shows off every part of a story. */

let store: Store;
let stories: Article[];

beforeAll(async () => {
  await generateDemoImages(path.resolve('public/images/demo'));
  store = await openTestStore();
  const report = await importContent(store.db, path.resolve('content'));
  stories = (await Promise.all(report.created.map((id) => getArticleById(store.db, id)))).flatMap((stored) => (stored ? [stored.article] : []));
}, 120_000);

const blocks = (a: Article, type: string) => a.body.filter((b) => b.type === type);

describe.each(editionIds)('the demo content of the %s edition', (edition) => {
  const ofEdition = () => stories.filter((s) => s.edition === edition);

  it('has a story that leads with a video, captioned in its language and transcribed, and one that carries a recording', () => {
    const lead = ofEdition().find((s) => s.mainVideo);
    expect(lead?.mainVideo?.captions.map((track) => track.lang)).toEqual([edition]);
    expect(lead?.mainVideo?.transcript?.split('\n\n').length).toBeGreaterThan(1);
    expect(lead?.mainVideo?.src).toMatch(/^\/media\/[0-9a-f]{32}\.mp4$/);
    const recording = ofEdition().flatMap((s) => blocks(s, 'audio'));
    expect(recording.length).toBeGreaterThanOrEqual(1);
  });

  it('has at least 8 published stories covering every section, spread over weeks', async () => {
    const published = ofEdition().filter((s) => s.status === 'published');
    expect(published.length).toBeGreaterThanOrEqual(8);
    const sections = await listSections(store.db, edition);
    expect(sections.length).toBeGreaterThanOrEqual(4);
    for (const section of sections) expect(published.some((s) => s.section === section.slug), section.slug).toBe(true);
    const times = published.map((s) => Date.parse(s.publishedAt));
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(21 * 24 * 3600 * 1000);
  });

  it('gives every story a standfirst, a byline, a credited main image and a subheading', () => {
    for (const story of ofEdition()) {
      expect(story.standfirst.length, story.id).toBeGreaterThan(20);
      expect(story.authors.length, story.id).toBeGreaterThan(0);
      // Our demo pictures are drawn: credited as illustrations, never to a photographer.
      expect(story.mainImage.kind, story.id).toBe('illustration');
      expect(story.mainImage.credit, story.id).toBe('Meridian');
      expect(story.mainImage.caption.length, story.id).toBeGreaterThan(10);
      expect(blocks(story, 'subheading').length, story.id).toBeGreaterThanOrEqual(1);
    }
  });

  it('has pull quotes and captioned inline images in most stories', () => {
    const published = ofEdition().filter((s) => s.status === 'published');
    const withQuote = published.filter((s) => blocks(s, 'pullQuote').length > 0).length;
    const withImage = published.filter((s) => blocks(s, 'image').length > 0).length;
    expect(withQuote).toBeGreaterThan(published.length / 2);
    expect(withImage).toBeGreaterThan(published.length / 2);
  });

  it('has a live story, a withdrawn one and a renamed one', () => {
    expect(ofEdition().filter((s) => s.live && s.status === 'published').length).toBeGreaterThanOrEqual(1);
    expect(ofEdition().filter((s) => s.status === 'withdrawn').length).toBeGreaterThanOrEqual(1);
    expect(ofEdition().filter((s) => s.previousSlugs.length > 0).length).toBeGreaterThanOrEqual(1);
  });
});

describe('the demo content', () => {
  it('links at least four stories to their translations, the Europol story in every edition', () => {
    const groups = new Map<string, Set<string>>();
    for (const story of stories.filter((s) => s.status === 'published' && s.translationGroup)) {
      groups.set(story.translationGroup!, (groups.get(story.translationGroup!) ?? new Set()).add(story.edition));
    }
    expect([...groups.values()].filter((editions) => editions.size >= 2).length).toBeGreaterThanOrEqual(4);
    expect([...(groups.get('europol-is-propaganda') ?? [])].sort()).toEqual([...editionIds].sort());
  });

  it('uses each picture for one story only: its translations may share it, no other story does', () => {
    const storyOf = new Map<string, Set<string>>();
    for (const story of stories) {
      const pictures = [story.mainImage, ...story.body.flatMap((b) => (b.type === 'image' ? [b.image] : []))];
      for (const picture of pictures) storyOf.set(picture.src, (storyOf.get(picture.src) ?? new Set()).add(story.translationGroup ?? story.id));
    }
    const shared = [...storyOf].filter(([, owners]) => owners.size > 1).map(([src, owners]) => `${src}: ${[...owners].join(', ')}`);
    expect(shared).toEqual([]);
  });

  it('says what every drawn picture shows, and credits it as an illustration', () => {
    for (const story of stories) {
      for (const picture of [story.mainImage, ...story.body.flatMap((b) => (b.type === 'image' ? [b.image] : []))]) {
        expect(picture.kind, `${story.id} ${picture.src}`).toBe('illustration');
        expect(picture.credit, `${story.id} ${picture.src}`).toBe('Meridian');
      }
    }
  });

  it('has pictures in several shapes', () => {
    const ratios = new Set(stories.flatMap((s) => [s.mainImage, ...s.body.flatMap((b) => (b.type === 'image' ? [b.image] : []))]).map((i) => (i.width / i.height).toFixed(2)));
    expect(ratios.size).toBeGreaterThanOrEqual(4);
  });

  it('covers the Europol operation with a source credit line, has one withdrawn and one renamed story', () => {
    const europol = stories.find((s) => s.slug === 'europol-hits-is-propaganda-servers');
    expect(europol?.sourceCredit).toBe('with AP');
    expect(stories.filter((s) => s.status === 'withdrawn' && s.edition === 'en').map((s) => s.slug)).toEqual(['paris-metro-line-to-close-for-two-years']);
    expect(stories.find((s) => s.slug === 'night-trains-return-to-european-rails')?.previousSlugs).toEqual(['sleeper-trains-make-a-comeback']);
  });
});
