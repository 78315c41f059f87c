import { z } from 'zod';
import { editionIds, getEdition } from './editions';
import { isReservedEditionPath } from './urls';
import { isNameSlug, maxSlugLength, slugify, slugPattern } from './slug';
import { typesetStory } from './typography';
import { imageHosts } from './image-hosts.mjs';
import { isSafeHref, localImagePath, mediaId, remoteImageHost } from './safe-links';
import { text } from './text-field';
import { AudioBlockSchema, EmbedBlockSchema, VideoBlockSchema, VideoSchema, refuseMediaInLiveUpdate } from './media-blocks';

export { text };
import { withCorrections } from './corrections';
import { jsonDepthExceeds } from './json-depth';

export { isSafeHref };

/**
 * The one definition of an article. The importer, the publishing API and the store validate
 * against it, and every TypeScript type of an article is inferred from it.
 */

// Editors read these messages: say "is required" rather than "expected string, received undefined".
z.config({
  customError: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined),
});

/**
 * How large a story may be. Each bound is what a real story needs with room to spare; past
 * it the answer is a 400 naming the field. They keep one story from freezing the server: the
 * largest allowed story is validated and written within the time budget the publishing tests
 * measure (e2e/hardening.spec.ts), and renders as a page of a few hundred kilobytes.
 */
export const articleLimits = {
  /** Bylines: a large investigation has a dozen. */
  authors: 20,
  tags: 30,
  previousSlugs: 50,
  /** Paragraphs, subheadings, quotes, pictures and lists of the body: a 15,000-word long read has about 250. */
  bodyBlocks: 400,
  listItems: 100,
  /** Inline runs in one paragraph or list item (text, emphasis, strong, links). */
  inlineRuns: 200,
  /** Emphasis inside a link inside strong text…: three levels are plenty; a fourth is allowed. */
  inlineDepth: 4,
  /** Characters of one run of text. */
  textRun: 10_000,
  /** Characters of the whole body, every block: about 16,000 words, twice a long read. */
  bodyText: 100_000,
  updates: 500,
  updateBlocks: 40,
  corrections: 50,
  /** Levels of nesting in the JSON of a story: checked before anything else reads it. */
  jsonDepth: 32,
} as const;

const slug = z.string().max(maxSlugLength).regex(slugPattern, 'must be lowercase letters and digits joined by hyphens');
const sectionSlug = slug.refine((s) => !isReservedEditionPath(s), 'is reserved for a page of the site (about, search, tag…)');

/** The earliest time a story may carry: older dates are typing mistakes (year 0, 1018…). */
const earliestStoryTime = Date.UTC(1900, 0, 1);
/** How far ahead of the server's clock a time may be: clocks differ a little. */
const clockSkewMs = 5 * 60 * 1000;
/** How far ahead a story may be scheduled (its publishedAt): further is a typing mistake. */
const scheduleLimitMs = 366 * 24 * 60 * 60 * 1000;

export const isoInstant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date and time with a zone, e.g. 2018-04-27T14:05:00+02:00' });

/** An instant with its zone, e.g. `2018-04-27T14:05:00+02:00` or `2018-04-27T12:05:00Z`, between 1900 and now. */
const instant = isoInstant.superRefine((value, ctx) => {
  const ts = Date.parse(value);
  if (!(ts >= earliestStoryTime)) ctx.addIssue({ code: 'custom', message: 'must not be earlier than 1900-01-01' });
  else if (ts > Date.now() + clockSkewMs) ctx.addIssue({ code: 'custom', message: 'must not be in the future (a few minutes of clock difference aside)' });
});

/** A story's publication time: may be ahead, up to a year, which schedules the story for that time. */
const publicationInstant = isoInstant.superRefine((value, ctx) => {
  const ts = Date.parse(value);
  if (!(ts >= earliestStoryTime)) ctx.addIssue({ code: 'custom', message: 'must not be earlier than 1900-01-01' });
  else if (ts > Date.now() + scheduleLimitMs)
    ctx.addIssue({ code: 'custom', message: 'must not be more than a year ahead (a story is scheduled up to a year ahead)' });
});

const href = z
  .string()
  .min(1)
  .max(2048)
  .refine(isSafeHref, 'must be an http(s) or mailto URL, or a path of this site starting with / (that a browser reads as one)');

const dimension = z.int().min(1).max(12000);

const imageSource = z
  .string()
  .max(2048)
  .superRefine((src, ctx) => {
    if (src.startsWith('/media/')) {
      if (!mediaId(src))
        ctx.addIssue({ code: 'custom', message: 'must be a picture uploaded to /api/v1/media, as its answer gives it: /media/{id}.jpg or .webp' });
      return;
    }
    if (src.startsWith('/')) {
      if (!localImagePath(src)) {
        ctx.addIssue({ code: 'custom', message: 'must be a path under /images/, percent-encoded where needed, without . or .. segments or backslashes' });
      }
      return;
    }
    const host = remoteImageHost(src);
    if (!host) {
      ctx.addIssue({ code: 'custom', message: 'must be a path under /images/ or an https URL' });
      return;
    }
    if (!imageHosts().includes(host)) {
      ctx.addIssue({
        code: 'custom',
        message: `pictures from ${host} are not allowed: list the host in IMAGE_HOSTS (at build and run time), or copy the picture under /images/`,
      });
    }
  });

const ImageSchema = z.object({
  src: imageSource,
  alt: text(400, { emptyMessage: 'must describe the image for readers who cannot see it' }),
  width: dimension,
  height: dimension,
  caption: text(600),
  /** "Photographer, Agency"; for an illustration, who drew it (shown as "Illustration: …"). */
  credit: text(200),
  /** What the picture is: a photograph (the default) or an illustration, which is credited as one. */
  kind: z.enum(['photo', 'illustration']).optional(),
});

// Inline runs of a paragraph or list item. Recursive: emphasis may hold a link, and so on.
const TextRun = z.object({ type: z.literal('text'), text: text(articleLimits.textRun, { trim: false }) });
const EmphasisRun = z.object({
  type: z.literal('emphasis'),
  get children() {
    return z.array(InlineRunSchema).min(1);
  },
});
const StrongRun = z.object({
  type: z.literal('strong'),
  get children() {
    return z.array(InlineRunSchema).min(1);
  },
});
const LinkRun = z.object({
  type: z.literal('link'),
  href,
  get children() {
    return z.array(InlineRunSchema).min(1).max(articleLimits.inlineRuns);
  },
});

const InlineRunSchema = z.discriminatedUnion('type', [TextRun, EmphasisRun, StrongRun, LinkRun]);

const inlineContent = z.array(InlineRunSchema).min(1).max(articleLimits.inlineRuns);

const ParagraphBlockSchema = z.object({ type: z.literal('paragraph'), content: inlineContent });
const SubheadingBlockSchema = z.object({ type: z.literal('subheading'), text: text(200) });
const PullQuoteBlockSchema = z.object({
  type: z.literal('pullQuote'),
  text: text(600),
  attribution: text(200),
});
const ImageBlockSchema = z.object({ type: z.literal('image'), image: ImageSchema });
const ListBlockSchema = z.object({
  type: z.literal('list'),
  style: z.enum(['bullet', 'numbered']),
  items: z.array(inlineContent).min(1).max(articleLimits.listItems),
});

const BodyBlockSchema = z.discriminatedUnion('type', [
  ParagraphBlockSchema,
  SubheadingBlockSchema,
  PullQuoteBlockSchema,
  ImageBlockSchema,
  ListBlockSchema,
  VideoBlockSchema,
  AudioBlockSchema,
  EmbedBlockSchema,
]);

/** One entry of a live story: a time, an optional title, and blocks like a body's. */
export const LiveUpdateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,99}$/, 'must be 3 to 100 lowercase letters, digits or hyphens'),
    publishedAt: instant,
    title: text(200).optional(),
    body: z.array(BodyBlockSchema).min(1, 'needs at least one block').max(articleLimits.updateBlocks),
  })
  .strict()
  .superRefine((update, ctx) => {
    checkBlocks(update.body, ['body'], ctx);
    update.body.forEach((block, index) => refuseMediaInLiveUpdate(block.type, ['body', index, 'type'], ctx));
  });

/** A tag's or an author's slug: letters of any script (decision 014). */
const nameSlug = z.string().max(maxSlugLength).refine(isNameSlug, 'must be lowercase letters (of any script) and digits joined by hyphens, in NFC');

const AuthorSchema = z
  .object({
    name: text(120),
    slug: nameSlug.optional(),
  })
  .strict()
  .transform((author, ctx) => {
    const authorSlug = author.slug ?? slugify(author.name);
    if (!isNameSlug(authorSlug)) {
      ctx.addIssue({ code: 'custom', message: 'needs a slug: the name cannot be turned into one', path: ['slug'] });
      return z.NEVER;
    }
    return { name: author.name, slug: authorSlug };
  });

const tag = text(80).refine((name) => slugify(name).length > 0, 'must contain a letter or digit');

/** `draft`: stored and checked, never public; `withdrawn`: its address answers 410. */
const ArticleStatusSchema = z.enum(['published', 'draft', 'withdrawn']);

/** A correction: when it was made and what it says. Shown under the byline; never edited or removed once published. */
const CorrectionSchema = z.object({ at: instant, text: text(1000) }).strict();

/** A story's id: stable across writes, what the API and the fronts name it by. */
export const storyId = z.string().regex(/^[a-z0-9][a-z0-9-]{2,79}$/, 'must be 3 to 80 lowercase letters, digits or hyphens');

const ArticleObjectSchema = z
  .object({
    id: storyId,
    edition: z.enum(editionIds),
    section: sectionSlug,
    slug,
    headline: text(200),
    standfirst: text(500),
    authors: z.array(AuthorSchema).min(1, 'needs at least one author').max(articleLimits.authors),
    publishedAt: publicationInstant,
    updatedAt: instant.optional(),
    status: ArticleStatusSchema.default('published'),
    previousSlugs: z.array(slug).max(articleLimits.previousSlugs).default([]),
    tags: z.array(tag).max(articleLimits.tags).default([]),
    mainImage: ImageSchema,
    /** A video that leads the story above everything else; mainImage stays its poster and share picture. */
    mainVideo: VideoSchema.optional(),
    body: z.array(BodyBlockSchema).min(1, 'needs at least one block').max(articleLimits.bodyBlocks),
    /** The agency part of the source line: "with AP" renders as "(Meridian with AP)". */
    sourceCredit: text(120).optional(),
    /** A live story: its updates are shown newest first and readers get new ones as they land. */
    live: z.boolean().default(false),
    /**
     * How long a live story stays live after its newest update (or its publication, before the
     * first): then its badge, its polling and its LiveBlogPosting end (default 720, twelve hours).
     */
    liveWindowMinutes: z
      .int()
      .min(1)
      .max(60 * 24 * 14)
      .optional(),
    /** Updates to add or correct (by id). The store keeps them apart from the article. */
    updates: z.array(LiveUpdateSchema).max(articleLimits.updates).default([]),
    /**
     * Stories that are translations of one another name the same group (at most one per
     * edition): each links to the others, for readers and for crawlers (hreflang).
     */
    translationGroup: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{2,79}$/, 'must be 3 to 80 lowercase letters, digits or hyphens')
      .optional(),
    /** Corrections, oldest first: each bumps the story's modified time (decision 015). */
    corrections: z.array(CorrectionSchema).max(articleLimits.corrections).default([]),
  })
  .strict()
  .superRefine((article, ctx) => {
    checkBlocks(article.body, ['body'], ctx);
    if (article.updates.length && !article.live) {
      ctx.addIssue({ code: 'custom', path: ['updates'], message: 'only a live story (live: true) has updates' });
    }
    if (article.liveWindowMinutes !== undefined && !article.live) {
      ctx.addIssue({ code: 'custom', path: ['liveWindowMinutes'], message: 'only a live story (live: true) has a live window' });
    }
    const ids = new Set<string>();
    for (const [index, update] of article.updates.entries()) {
      if (ids.has(update.id)) ctx.addIssue({ code: 'custom', path: ['updates', index, 'id'], message: `"${update.id}" is used twice` });
      ids.add(update.id);
    }
    if (article.updatedAt && Date.parse(article.updatedAt) < Date.parse(article.publishedAt)) {
      ctx.addIssue({ code: 'custom', path: ['updatedAt'], message: 'must not be earlier than publishedAt' });
    }
    for (const [index, correction] of article.corrections.entries()) {
      if (Date.parse(correction.at) < Date.parse(article.publishedAt)) {
        ctx.addIssue({ code: 'custom', path: ['corrections', index, 'at'], message: 'must not be earlier than publishedAt' });
      }
    }
    if (article.previousSlugs.includes(article.slug)) {
      ctx.addIssue({ code: 'custom', path: ['previousSlugs'], message: 'must not contain the current slug' });
    }
  });

/**
 * The article schema. What it is given is first checked for depth without recursion: a story
 * nested thousands of levels deep must be a 400, not a stack overflow in the parser.
 */
export const ArticleSchema = z.preprocess(
  (input, ctx) => {
    if (jsonDepthExceeds(input, articleLimits.jsonDepth)) {
      ctx.addIssue({ code: 'custom', message: `is nested more than ${articleLimits.jsonDepth} levels deep`, input });
      return z.NEVER;
    }
    return input;
  },
  ArticleObjectSchema.transform((article) => typesetStory(withCorrections(article), getEdition(article.edition).lang)),
);

type InlineRunOutput = { type: string; text?: string; children?: InlineRunOutput[] };

/** How many levels of runs (1: plain text; 2: emphasis around text…), and how many characters of text they hold. */
function measureRuns(runs: InlineRunOutput[], depth = 1): { depth: number; characters: number } {
  let deepest = depth;
  let characters = 0;
  for (const run of runs) {
    if (run.text) characters += run.text.length;
    if (run.children) {
      const inner = measureRuns(run.children, depth + 1);
      deepest = Math.max(deepest, inner.depth);
      characters += inner.characters;
    }
  }
  return { depth: deepest, characters };
}

/** Bounds that span blocks: the depth of inline runs, and the body's total text. */
function checkBlocks(blocks: z.output<typeof BodyBlockSchema>[], path: (string | number)[], ctx: z.RefinementCtx): void {
  let characters = 0;
  blocks.forEach((block, index) => {
    const runLists = block.type === 'paragraph' ? [block.content] : block.type === 'list' ? block.items : [];
    for (const runs of runLists) {
      const measured = measureRuns(runs);
      characters += measured.characters;
      // Marks around marks: one fewer than the levels of runs.
      if (measured.depth - 1 > articleLimits.inlineDepth) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, index],
          message: `nests emphasis, strong text and links more than ${articleLimits.inlineDepth} levels deep`,
        });
      }
    }
    if (block.type === 'subheading') characters += block.text.length;
    if (block.type === 'pullQuote') characters += block.text.length + block.attribution.length;
    if (block.type === 'image') characters += block.image.caption.length;
    if (block.type === 'video' || block.type === 'audio') characters += block.caption.length;
  });
  if (characters > articleLimits.bodyText) {
    ctx.addIssue({ code: 'custom', path, message: `holds ${characters} characters of text; at most ${articleLimits.bodyText}` });
  }
}

/** What an editor or a file supplies. */
export type ArticleInput = z.input<typeof ArticleObjectSchema>;
/** A validated article, as the store keeps it and the pages render it. */
export type Article = z.output<typeof ArticleSchema>;
export type Author = Article['authors'][number];
export type ArticleImage = z.output<typeof ImageSchema>;
export type BodyBlock = z.output<typeof BodyBlockSchema>;
export type InlineRun = z.output<typeof InlineRunSchema>;
export type ArticleStatus = z.output<typeof ArticleStatusSchema>;
export type LiveUpdate = z.output<typeof LiveUpdateSchema>;
export type Correction = z.output<typeof CorrectionSchema>;
/** What the schema takes, before validation: what a converter (Markdown, an editing tool) produces. */
export type BodyBlockInput = z.input<typeof BodyBlockSchema>;
export type InlineRunInput = z.input<typeof InlineRunSchema>;
export type ImageInput = z.input<typeof ImageSchema>;
export type LiveUpdateInput = z.input<typeof LiveUpdateSchema>;

export const SectionSchema = z
  .object({
    edition: z.enum(editionIds),
    slug: sectionSlug,
    name: text(80),
    description: text(300),
    /** The section's counterparts in the other editions share it (default: the slug): /fr/moyen-orient and /en/middle-east. */
    group: slug.optional(),
  })
  .strict();

export type Section = z.output<typeof SectionSchema>;
