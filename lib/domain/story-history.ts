import { diffArrays, diffWords } from 'diff';
import type { Article, ArticleImage, BodyBlock, Correction } from './article-schema';
import { blockText } from './article-text';
import type { StoredStatus } from './stories';

/**
 * A story's history (issue 32, decision 027): what of a story a reader sees, whether a write
 * changed it, and what changed between two versions, word by word. The words are compared by
 * jsdiff (`diff`), cut into words by the browser's and Node's own word segmenter for the
 * edition's language, so that Arabic and French are compared word by word as English is.
 */

/** What a reader sees of a story: a write that changes none of it makes no new version. */
function readerView(article: Article) {
  return {
    headline: article.headline,
    standfirst: article.standfirst,
    body: article.body,
    mainImage: article.mainImage,
    mainVideo: article.mainVideo ?? null,
    corrections: article.corrections,
    status: article.status,
  };
}

export function changesWhatReadersSee(before: Article, after: Article): boolean {
  return JSON.stringify(readerView(before)) !== JSON.stringify(readerView(after));
}

/** The time a version gives itself: its last update, or its publication. */
export const versionTime = (article: Pick<Article, 'publishedAt' | 'updatedAt'>): string => article.updatedAt ?? article.publishedAt;

/** A run of words the same in both versions, struck from the older, or added in the newer. */
export type WordChange = { kind: 'same' | 'removed' | 'added'; text: string };

/** What changed between two versions, in the words of the history page's labels. */
type ChangeKind = 'headline' | 'standfirst' | 'paragraphs' | 'pictures' | 'media' | 'corrections' | 'status';

export type VersionComparison = {
  changed: ChangeKind[];
  headline: WordChange[] | null;
  standfirst: WordChange[] | null;
  /** Each paragraph (subheading, quote, list) that changed, was removed or was added, in the newer version's order. */
  paragraphs: WordChange[][];
  picturesAdded: ArticleImage[];
  picturesRemoved: ArticleImage[];
  correctionsAdded: Correction[];
};

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(lang: string): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, segmenter);
  }
  return segmenter;
}

/** The words removed and added between two texts; null when they are the same. */
function compareWords(older: string, newer: string, lang: string): WordChange[] | null {
  if (older === newer) return null;
  return diffWords(older, newer, { intlSegmenter: segmenterFor(lang) }).map((part) => ({
    kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }));
}

const textBlockTypes = new Set<BodyBlock['type']>(['paragraph', 'subheading', 'pullQuote', 'list']);
const mediaBlockTypes = new Set<BodyBlock['type']>(['video', 'audio', 'embed']);

const paragraphsOf = (body: BodyBlock[]) => body.filter((block) => textBlockTypes.has(block.type)).map(blockText);
const picturesOf = (article: Article) => [article.mainImage, ...article.body.flatMap((block) => (block.type === 'image' ? [block.image] : []))];
const mediaOf = (article: Article) => JSON.stringify([article.mainVideo ?? null, article.body.filter((block) => mediaBlockTypes.has(block.type))]);
const pictureKey = (image: ArticleImage) => `${image.src}\n${image.caption}\n${image.alt}`;

/**
 * The paragraphs that differ: the two lists are aligned first (a paragraph added or removed
 * shifts no other), then each paragraph replaced by another is compared word by word.
 */
function compareParagraphs(older: string[], newer: string[], lang: string): WordChange[][] {
  const changes: WordChange[][] = [];
  let removed: string[] = [];
  const flush = (added: string[]) => {
    const pairs = Math.max(removed.length, added.length);
    for (let i = 0; i < pairs; i++) {
      const before = removed[i];
      const after = added[i];
      if (before !== undefined && after !== undefined) changes.push(compareWords(before, after, lang) ?? []);
      else if (before !== undefined) changes.push([{ kind: 'removed', text: before }]);
      else if (after !== undefined) changes.push([{ kind: 'added', text: after }]);
    }
    removed = [];
  };
  for (const part of diffArrays(older, newer)) {
    if (part.removed) {
      flush([]);
      removed = part.value;
    } else if (part.added) flush(part.value);
    else flush([]);
  }
  flush([]);
  return changes;
}

/** What changed from `older` to `newer`, both versions of one story. */
export function compareVersions(older: Article, newer: Article, lang: string): VersionComparison {
  const headline = compareWords(older.headline, newer.headline, lang);
  const standfirst = compareWords(older.standfirst, newer.standfirst, lang);
  const paragraphs = compareParagraphs(paragraphsOf(older.body), paragraphsOf(newer.body), lang);
  const olderPictures = new Set(picturesOf(older).map(pictureKey));
  const newerPictures = new Set(picturesOf(newer).map(pictureKey));
  const picturesAdded = picturesOf(newer).filter((image) => !olderPictures.has(pictureKey(image)));
  const picturesRemoved = picturesOf(older).filter((image) => !newerPictures.has(pictureKey(image)));
  const known = new Set(older.corrections.map((c) => c.at));
  const correctionsAdded = newer.corrections.filter((c) => !known.has(c.at));
  const changed: ChangeKind[] = [];
  if (headline) changed.push('headline');
  if (standfirst) changed.push('standfirst');
  if (paragraphs.length) changed.push('paragraphs');
  if (picturesAdded.length || picturesRemoved.length) changed.push('pictures');
  if (mediaOf(older) !== mediaOf(newer)) changed.push('media');
  if (correctionsAdded.length) changed.push('corrections');
  if (older.status !== newer.status) changed.push('status');
  return { changed, headline, standfirst, paragraphs, picturesAdded, picturesRemoved, correctionsAdded };
}

/** A version of a story as the store keeps it (lib/store/story-versions.ts): `article` null when redacted. */
export type StoryVersion = {
  n: number;
  status: StoredStatus;
  /** The story was published while this version stood: readers saw it. */
  isPublic: boolean;
  /** The version's own time: its last update, or its publication. */
  at: string;
  /** When a write replaced it; null for the current version. */
  replacedTs: number | null;
  article: Article | null;
  redaction: { reason: string; at: string } | null;
};
