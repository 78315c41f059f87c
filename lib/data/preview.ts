import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../store/database';
import { getArticleById, type StoredArticle } from '../store/articles';
import { previewSecret } from './shared-secrets';
import { previewPath } from '../domain/urls';
import { listRelated } from '../store/related';
import type { ArticleSummary } from '../domain/stories';

/**
 * Preview links of drafts and scheduled stories (decision 015): `/{edition}/preview/{token}`,
 * the token holding the story's id, an expiry and the time the story was last written, signed
 * with HMAC-SHA256. A link stops working when it expires, when anything in it is altered, and
 * when the story is written again (republishing revokes every earlier link; the answer to that
 * write carries a new one). A link that does not work is a 404, like any missing page.
 */

/** How long a preview link works: PREVIEW_LINK_HOURS, 72 by default. */
function previewLifetimeMs(): number {
  const hours = Number(process.env.PREVIEW_LINK_HOURS);
  return (Number.isFinite(hours) && hours > 0 ? hours : 72) * 60 * 60 * 1000;
}

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(`preview:${payload}`).digest('base64url');

/** A preview link for the story as it is stored now, and when it stops working. */
export async function previewLink(db: Db, stored: Pick<StoredArticle, 'article' | 'storedTs'>, now = Date.now()): Promise<{ path: string; expiresAt: string }> {
  const expires = now + previewLifetimeMs();
  const payload = `${stored.article.id}.${expires.toString(36)}.${stored.storedTs.toString(36)}`;
  const token = `${payload}.${sign(await previewSecret(db), payload)}`;
  return { path: previewPath(stored.article.edition, token), expiresAt: new Date(expires).toISOString() };
}

/** The draft or scheduled story a preview token of this edition names, when the token is good; otherwise undefined. */
export async function readPreview(db: Db, edition: string, token: string, now = Date.now()): Promise<StoredArticle | undefined> {
  const match = /^([a-z0-9][a-z0-9-]{2,79})\.([0-9a-z]{1,12})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return undefined;
  const [, id = '', expires = '', storedTs = '', signature = ''] = match;
  if (parseInt(expires, 36) <= now) return undefined;
  const expected = Buffer.from(sign(await previewSecret(db), `${id}.${expires}.${storedTs}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const stored = await getArticleById(db, id);
  if (!stored || stored.article.edition !== edition || stored.storedTs !== parseInt(storedTs, 36)) return undefined;
  return stored.status === 'draft' || stored.status === 'scheduled' ? stored : undefined;
}

/** What a preview page shows: the stored story and the related stories it will have (read now, never cached). */
export async function readPreviewStory(
  db: Db,
  edition: string,
  token: string,
): Promise<{ article: StoredArticle['article']; related: ArticleSummary[] } | undefined> {
  const stored = await readPreview(db, edition, token);
  if (!stored) return undefined;
  return { article: stored.article, related: await listRelated(db, stored.article, 4) };
}
