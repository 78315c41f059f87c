import path from 'node:path';
import { articlePath } from '../domain/urls';
import { ArticleSchema, LiveUpdateSchema, type Article, type ArticleImage } from '../domain/article-schema';
import { imageDimensionsFrom } from '../content/import-content';
import { ContentConflictError } from '../store/store-errors';
import { addLiveUpdates } from '../store/live-updates';
import { getArticleById, getArticleState } from '../store/articles';
import { sectionExists } from '../store/sections';
import { writeContent } from '../store/write-content';
import { prepareSearchTerms } from '../store/search';
import type { Db } from '../store/database';
import { apiError, fieldIssues, jsonResponse, type ApiIssue } from './responses';
import { privateNoStore } from '../cache/cache-control';
import { registered } from '../runtime/process-state.mjs';
import { getMediaInfo } from '../store/media';
import { mediaId, mediaStreamId } from '../domain/safe-links';
import { getMediaStreams } from '../store/media-streams';
import { mediaPath } from '../domain/urls';
import { previewLink } from '../data/preview';
import { getStore } from '../store/database';
import { articleIdPattern } from '../domain/live-updates-contract';
import { readJsonBody, refuseUnlessAuthorised } from './publish-auth';

/**
 * The publishing API's operations, with the same schema and the same store code as the
 * importer. Each is one transaction; the transaction also records which cached pages it
 * makes stale (lib/domain/content-tags.ts), so the next request anywhere is fresh.
 */

export type PublishOutcome =
  | { ok: true; status: 200 | 201; body: { id: string; path: string; status: string; preview?: { path: string; expiresAt: string } } }
  | { ok: false; status: 400 | 404 | 409; message: string; issues: ApiIssue[] };

const invalid = (issues: ApiIssue[]): PublishOutcome => ({ ok: false, status: 400, message: 'The story is not valid', issues });

/**
 * Lets the requests that arrived meanwhile run. Validating the largest story the schema allows
 * and writing it each hold the process for tens of milliseconds (the store's writes are
 * synchronous on SQLite); between the two, other readers go first.
 */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A story's pictures must exist: a file under public/ for /images/, an upload for /media/
 * (whose stored size then replaces whatever size the story gave: nothing shifts).
 */
async function checkImages(db: Db, article: Article): Promise<ApiIssue[]> {
  const lookup = imageDimensionsFrom(path.resolve(/*turbopackIgnore: true*/ 'public'));
  const images: [string, ArticleImage][] = [['mainImage', article.mainImage]];
  article.body.forEach((block, i) => block.type === 'image' && images.push([`body.${i}.image`, block.image]));
  const uploads = await getMediaInfo(
    db,
    images.map(([, image]) => mediaId(image.src)).filter((id): id is string => id !== null),
  );
  const issues: ApiIssue[] = [];
  for (const [field, image] of images) {
    const id = mediaId(image.src);
    if (id) {
      const upload = uploads.get(id);
      if (!upload || image.src !== mediaPath(upload.id, upload.extension)) {
        issues.push({ field: `${field}.src`, message: `no uploaded picture at ${image.src}: upload it to /api/v1/media first` });
      } else {
        image.width = upload.width;
        image.height = upload.height;
      }
    } else if (image.src.startsWith('/images/') && !(await lookup(image.src))) {
      issues.push({ field: `${field}.src`, message: `image file not found: public${image.src}` });
    }
  }
  return issues;
}

/** A story's videos, recordings and captions must be uploads of that kind (decision 025). */
async function checkMediaFiles(db: Db, article: Article): Promise<ApiIssue[]> {
  const wanted: { field: string; src: string; kind: 'video' | 'audio' | 'captions' }[] = [];
  const video = (field: string, v: { src: string; captions: { src: string }[] }) => {
    wanted.push({ field: `${field}.src`, src: v.src, kind: 'video' });
    v.captions.forEach((track, i) => wanted.push({ field: `${field}.captions.${i}.src`, src: track.src, kind: 'captions' }));
  };
  if (article.mainVideo) video('mainVideo', article.mainVideo);
  article.body.forEach((block, i) => {
    if (block.type === 'video') video(`body.${i}`, block);
    if (block.type === 'audio') wanted.push({ field: `body.${i}.src`, src: block.src, kind: 'audio' });
  });
  if (!wanted.length) return [];
  const files = await getMediaStreams(
    db,
    wanted.map((w) => mediaStreamId(w.src)).filter((id): id is string => id !== null),
  );
  const name = { video: 'video', audio: 'recording', captions: 'caption file' };
  return wanted.flatMap((w) => {
    const file = files.get(mediaStreamId(w.src) ?? '');
    if (file && file.kind === w.kind && w.src === mediaPath(file.id, file.extension)) return [];
    return [{ field: w.field, message: `no uploaded ${name[w.kind]} at ${w.src}: upload it to /api/v1/media first` }];
  });
}

export async function publishArticle(db: Db, body: unknown): Promise<PublishOutcome> {
  await yieldToOthers();
  const parsed = ArticleSchema.safeParse(body);
  if (!parsed.success) return invalid(fieldIssues(parsed.error));
  const article = parsed.data;
  if (!(await sectionExists(db, article.edition, article.section))) {
    return invalid([{ field: 'section', message: `section "${article.section}" does not exist in edition "${article.edition}"` }]);
  }
  const imageIssues = [...(await checkImages(db, article)), ...(await checkMediaFiles(db, article))];
  if (imageIssues.length) return invalid(imageIssues);
  await prepareSearchTerms(article);
  await yieldToOthers();
  return writeStory(db, article);
}

/** Writes one story: 201 when new, 200 when updated, 409 naming the field the store refused (a slug, a translation group, a correction). */
async function writeStory(db: Db, article: Article, status?: 201): Promise<PublishOutcome> {
  try {
    const summary = await writeContent(db, { sections: [], articles: [article] });
    const created = summary.created.includes(article.id);
    return { ok: true, status: status ?? (created ? 201 : 200), body: await writeAnswer(db, article.id) };
  } catch (error) {
    if (error instanceof ContentConflictError)
      return { ok: false, status: 409, message: error.message, issues: [{ field: error.field, message: error.message }] };
    throw error;
  }
}

/**
 * What a write answers: the story's address and status as stored (`scheduled` for a published
 * story whose time is ahead) and, for a draft or a scheduled story, a fresh preview link.
 */
async function writeAnswer(db: Db, id: string): Promise<Extract<PublishOutcome, { ok: true }>['body']> {
  const stored = await getArticleById(db, id);
  if (!stored) throw new Error(`story ${id} vanished after its write`);
  const body = { id, path: articlePath(stored.article), status: stored.status };
  if (stored.status === 'scheduled') registered('schedule')?.wake();
  return stored.status === 'draft' || stored.status === 'scheduled' ? { ...body, preview: await previewLink(db, stored) } : body;
}

/**
 * An editor's read of a story, whatever its status: the story as the API takes it (its `status`
 * as the editor set it, so it can be sent back as it is), plus where it stands (`state`:
 * `scheduled` for a published story whose time is ahead) and, before it is public, a preview link.
 */
export async function readArticleForEditor(db: Db, id: string): Promise<Response> {
  const stored = await getArticleById(db, id);
  if (!stored) return apiError(404, `No story "${id}"`, [{ field: 'id', message: 'no such story' }]);
  const { updates: _updates, ...story } = stored.article;
  const { status: state, preview } = await writeAnswer(db, id);
  return jsonResponse({ ...story, path: articlePath(story), state, ...(preview ? { preview } : {}) }, { headers: { 'Cache-Control': privateNoStore } });
}

/** Adds a correction to a story (corrections are append-only): `{ text, at? }`, at defaulting to now. */
export async function addCorrection(db: Db, id: string, body: unknown): Promise<PublishOutcome> {
  const stored = await getArticleById(db, id);
  if (!stored) return { ok: false, status: 404, message: `No story "${id}"`, issues: [{ field: 'id', message: 'no such story' }] };
  const input = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const correction = { at: input.at ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), text: input.text };
  const extra = Object.keys(input).filter((key) => key !== 'at' && key !== 'text');
  if (extra.length) return invalid(extra.map((key) => ({ field: key, message: 'is not a field of a correction (at, text)' })));
  const { updates: _updates, ...article } = stored.article;
  const parsed = ArticleSchema.safeParse({ ...article, corrections: [...article.corrections, correction] });
  if (!parsed.success) {
    const issues = fieldIssues(parsed.error).map((issue) => ({ ...issue, field: (issue.field ?? '').replace(/^corrections\.\d+\.?/, '') || 'text' }));
    return invalid(issues);
  }
  return writeStory(db, parsed.data, 201);
}

/** Withdraws a story: from then on its address answers 410 and it leaves lists, feeds and sitemaps. */
export async function withdrawArticle(db: Db, id: string): Promise<PublishOutcome> {
  const stored = await getArticleById(db, id);
  if (!stored) return { ok: false, status: 404, message: `No story "${id}"`, issues: [{ field: 'id', message: 'no such story' }] };
  const { article } = stored;
  if (article.status !== 'withdrawn') {
    await writeContent(db, { sections: [], articles: [{ ...article, status: 'withdrawn', updates: [] }] });
  }
  return { ok: true, status: 200, body: { id, path: articlePath(article), status: 'withdrawn' } };
}

/** An update for a live story. Its time defaults to now and its id to that time. */
export async function publishLiveUpdate(db: Db, id: string, body: unknown): Promise<PublishOutcome & { update?: string }> {
  const state = await getArticleState(db, id);
  if (!state) return { ok: false, status: 404, message: `No story "${id}"`, issues: [{ field: 'id', message: 'no such story' }] };
  if (!state.live) return { ok: false, status: 409, message: `Story "${id}" is not a live story`, issues: [{ field: 'id', message: 'not a live story' }] };
  const input = typeof body === 'object' && body !== null ? { ...(body as Record<string, unknown>) } : body;
  if (input && typeof input === 'object') {
    const fields = input as Record<string, unknown>;
    fields.publishedAt ??= new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    fields.id ??= `update-${String(fields.publishedAt).replace(/\D/g, '').slice(0, 14)}`;
  }
  const parsed = LiveUpdateSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldIssues(parsed.error));
  await addLiveUpdates(db, id, [parsed.data]);
  return { ok: true, status: 201, body: { id: parsed.data.id, path: state.path, status: state.status } };
}

/**
 * A write to one story through `/api/v1/articles/{id}/…` (an update, a correction): the
 * publishing token, an id of the right shape, a JSON body, then the operation's outcome as JSON.
 */
export async function storyWrite(
  request: Request,
  params: Promise<{ id: string }>,
  operation: (db: Db, id: string, body: unknown) => Promise<PublishOutcome>,
): Promise<Response> {
  const { db } = await getStore();
  const refused = await refuseUnlessAuthorised(request, db);
  if (refused) return refused;
  const { id } = await params;
  if (!articleIdPattern.test(id)) return apiError(404, `No story "${id.slice(0, 100)}"`, [{ parameter: 'id', message: 'no such story' }]);
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const outcome = await operation(db, id, body.value);
  if (!outcome.ok) return apiError(outcome.status, outcome.message, outcome.issues);
  return jsonResponse(outcome.body, { status: outcome.status, headers: { 'Cache-Control': privateNoStore } });
}
