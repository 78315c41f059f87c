import { z } from 'zod';
import { editionIds } from '../editions';
import { isReservedEditionPath } from '../routing/reserved-paths';
import { slugify, slugPattern } from '../slug';
import { isImageSource, isSafeHref } from './safe-links';

export { isImageSource, isSafeHref };

/**
 * The one definition of an article. The importer, the publishing API and the store validate
 * against it, and every TypeScript type of an article is inferred from it.
 */

// Editors read these messages: say "is required" rather than "expected string, received undefined".
z.config({
  customError: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined),
});

const slug = z.string().max(120).regex(slugPattern, 'must be lowercase letters and digits joined by hyphens');
const sectionSlug = slug.refine((s) => !isReservedEditionPath(s), 'is reserved for a page of the site (about, search, tag…)');

/** An instant with its zone, e.g. `2018-04-27T14:05:00+02:00` or `2018-04-27T12:05:00Z`. */
const instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date and time with a zone, e.g. 2018-04-27T14:05:00+02:00' });

const href = z.string().min(1).max(2048).refine(isSafeHref, 'must be an http(s) or mailto URL, or a path of this site starting with /');

const dimension = z.int().min(1).max(12000);

export const ImageSchema = z.object({
  src: z.string().max(2048).refine(isImageSource, 'must be a path under /images/ or an https URL'),
  alt: z.string().trim().min(1, 'must describe the image for readers who cannot see it').max(400),
  width: dimension,
  height: dimension,
  caption: z.string().trim().min(1).max(600),
  /** "Photographer, Agency" */
  credit: z.string().trim().min(1).max(200),
});

// Inline runs of a paragraph or list item. Recursive: emphasis may hold a link, and so on.
const TextRun = z.object({ type: z.literal('text'), text: z.string().min(1) });
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
    return z.array(InlineRunSchema).min(1);
  },
});

export const InlineRunSchema = z.discriminatedUnion('type', [TextRun, EmphasisRun, StrongRun, LinkRun]);

const inlineContent = z.array(InlineRunSchema).min(1);

export const ParagraphBlockSchema = z.object({ type: z.literal('paragraph'), content: inlineContent });
export const SubheadingBlockSchema = z.object({ type: z.literal('subheading'), text: z.string().trim().min(1).max(200) });
export const PullQuoteBlockSchema = z.object({
  type: z.literal('pullQuote'),
  text: z.string().trim().min(1).max(600),
  attribution: z.string().trim().min(1).max(200),
});
export const ImageBlockSchema = z.object({ type: z.literal('image'), image: ImageSchema });
export const ListBlockSchema = z.object({
  type: z.literal('list'),
  style: z.enum(['bullet', 'numbered']),
  items: z.array(inlineContent).min(1),
});

export const BodyBlockSchema = z.discriminatedUnion('type', [
  ParagraphBlockSchema,
  SubheadingBlockSchema,
  PullQuoteBlockSchema,
  ImageBlockSchema,
  ListBlockSchema,
]);

/** One entry of a live story: a time, an optional title, and blocks like a body's. */
export const LiveUpdateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,99}$/, 'must be 3 to 100 lowercase letters, digits or hyphens'),
    publishedAt: instant,
    title: z.string().trim().min(1).max(200).optional(),
    body: z.array(BodyBlockSchema).min(1, 'needs at least one block').max(40),
  })
  .strict();

export const AuthorSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    slug: slug.optional(),
  })
  .transform((author, ctx) => {
    const authorSlug = author.slug ?? slugify(author.name);
    if (!slugPattern.test(authorSlug)) {
      ctx.addIssue({ code: 'custom', message: 'needs a slug: the name cannot be turned into one', path: ['slug'] });
      return z.NEVER;
    }
    return { name: author.name, slug: authorSlug };
  });

const tag = z.string().trim().min(1).max(80).refine((name) => slugify(name).length > 0, 'must contain a letter or digit');

export const ArticleStatusSchema = z.enum(['published', 'withdrawn']);

export const ArticleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,79}$/, 'must be 3 to 80 lowercase letters, digits or hyphens'),
    edition: z.enum(editionIds),
    section: sectionSlug,
    slug,
    headline: z.string().trim().min(1).max(200),
    standfirst: z.string().trim().min(1).max(500),
    authors: z.array(AuthorSchema).min(1, 'needs at least one author'),
    publishedAt: instant,
    updatedAt: instant.optional(),
    status: ArticleStatusSchema.default('published'),
    previousSlugs: z.array(slug).default([]),
    tags: z.array(tag).max(30).default([]),
    mainImage: ImageSchema,
    body: z.array(BodyBlockSchema).min(1, 'needs at least one block'),
    /** The agency part of the source line: "with AP" renders as "(Meridian with AP)". */
    sourceCredit: z.string().trim().min(1).max(120).optional(),
    /** A live story: its updates are shown newest first and readers get new ones as they land. */
    live: z.boolean().default(false),
    /** Updates to add or correct (by id). The store keeps them apart from the article. */
    updates: z.array(LiveUpdateSchema).max(500).default([]),
  })
  .strict()
  .superRefine((article, ctx) => {
    if (article.updates.length && !article.live) {
      ctx.addIssue({ code: 'custom', path: ['updates'], message: 'only a live story (live: true) has updates' });
    }
    const ids = new Set<string>();
    for (const [index, update] of article.updates.entries()) {
      if (ids.has(update.id)) ctx.addIssue({ code: 'custom', path: ['updates', index, 'id'], message: `"${update.id}" is used twice` });
      ids.add(update.id);
    }
    if (article.updatedAt && Date.parse(article.updatedAt) < Date.parse(article.publishedAt)) {
      ctx.addIssue({ code: 'custom', path: ['updatedAt'], message: 'must not be earlier than publishedAt' });
    }
    if (article.previousSlugs.includes(article.slug)) {
      ctx.addIssue({ code: 'custom', path: ['previousSlugs'], message: 'must not contain the current slug' });
    }
  });

/** What an editor or a file supplies. */
export type ArticleInput = z.input<typeof ArticleSchema>;
/** A validated article, as the store keeps it and the pages render it. */
export type Article = z.output<typeof ArticleSchema>;
export type Author = Article['authors'][number];
export type ArticleImage = z.output<typeof ImageSchema>;
export type BodyBlock = z.output<typeof BodyBlockSchema>;
export type InlineRun = z.output<typeof InlineRunSchema>;
export type ArticleStatus = z.output<typeof ArticleStatusSchema>;
export type LiveUpdate = z.output<typeof LiveUpdateSchema>;

export const SectionSchema = z
  .object({
    edition: z.enum(editionIds),
    slug: sectionSlug,
    name: z.string().trim().min(1).max(80),
    description: z.string().trim().min(1).max(300),
  })
  .strict();

export type Section = z.output<typeof SectionSchema>;

/** The first problem of a failed parse, as "field.path: message" lines for people to read. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(article)'}: ${issue.message}`);
}
