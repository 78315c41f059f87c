import type { Article } from '../domain/article-schema';
import { contentTags, tagsAffectedByStory } from '../domain/content-tags';
import { versionTime, type StoryVersion } from '../domain/story-history';
import type { StoredStatus } from '../domain/stories';

export type { StoryVersion };
import { placementOf, recordCacheInvalidations } from './cache-events';
import { readArticleDocument, type Db } from './rows';

/**
 * A story's versions (issue 32, decision 027). The story's row holds its current version; each
 * write that changes what a reader sees keeps the one it replaces here, append-only: rows are
 * never deleted or rewritten, except that a redaction takes a version's text away and keeps the
 * fact, the reason and its time.
 */

/**
 * Keeps the version a write replaces: the caller has found that readers would see a difference
 * (changesWhatReadersSee) and hands the stored row and its document, read once.
 */
export async function keepReplacedVersion(
  trx: Db,
  id: string,
  replaced: { document: string; status: StoredStatus; article: Article },
  now = Date.now(),
): Promise<void> {
  const last = await trx
    .selectFrom('article_versions')
    .select((eb) => eb.fn.max('n').as('n'))
    .where('article_id', '=', id)
    .executeTakeFirst();
  const at = versionTime(replaced.article);
  await trx
    .insertInto('article_versions')
    .values({
      article_id: id,
      n: Number(last?.n ?? 0) + 1,
      edition: replaced.article.edition,
      status: replaced.status,
      is_public: replaced.status === 'published' ? 1 : 0,
      version_at: at,
      version_ts: Date.parse(at),
      replaced_ts: now,
      document: replaced.document,
      redacted_reason: null,
      redacted_ts: null,
    })
    .execute();
}

/**
 * Every version of a story, oldest first, the current one last (numbered after the kept ones);
 * undefined when there is no such story. `publicOnly`: what readers may see — the versions that
 * stood while the story was published, and the current one only while it is.
 */
export async function listStoryVersions(db: Db, id: string, { publicOnly }: { publicOnly: boolean }): Promise<StoryVersion[] | undefined> {
  const current = await db.selectFrom('articles').select(['document', 'status']).where('id', '=', id).executeTakeFirst();
  if (!current) return undefined;
  let query = db.selectFrom('article_versions').selectAll().where('article_id', '=', id);
  if (publicOnly) query = query.where('is_public', '=', 1);
  const rows = await query.orderBy('n').execute();
  const kept: StoryVersion[] = rows.map((row) => ({
    n: Number(row.n),
    status: row.status,
    isPublic: Number(row.is_public) === 1,
    at: row.version_at,
    replacedTs: Number(row.replaced_ts),
    article: row.document === null ? null : readArticleDocument(row.document),
    redaction:
      row.redacted_reason === null ? null : { reason: row.redacted_reason, at: new Date(Number(row.redacted_ts)).toISOString().replace(/\.\d{3}Z$/, 'Z') },
  }));
  const article = readArticleDocument(current.document);
  const last = await db
    .selectFrom('article_versions')
    .select((eb) => eb.fn.max('n').as('n'))
    .where('article_id', '=', id)
    .executeTakeFirst();
  const latest: StoryVersion = {
    n: Number(last?.n ?? 0) + 1,
    status: current.status,
    isPublic: current.status === 'published',
    at: versionTime(article),
    replacedTs: null,
    article,
    redaction: null,
  };
  return publicOnly && !latest.isPublic ? kept : [...kept, latest];
}

/** How many versions readers have seen of a published story (1 for a story never changed since it was published). */
export async function countPublicVersions(db: Db, id: string): Promise<number> {
  const row = await db
    .selectFrom('article_versions')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('article_id', '=', id)
    .where('is_public', '=', 1)
    .executeTakeFirst();
  return Number(row?.count ?? 0) + 1;
}

export type RedactionOutcome = { kind: 'redacted'; version: StoryVersion } | { kind: 'missing' } | { kind: 'current' };

/**
 * Takes a kept version's text away for a legal reason: the fact, the reason and the time stay.
 * The current version cannot be redacted (publish one without the words first); redacting a
 * version twice keeps the first reason. The story's pages and its history are purged with it.
 */
export async function redactVersion(db: Db, id: string, n: number, reason: string, now = Date.now()): Promise<RedactionOutcome> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('article_versions').select(['n', 'redacted_reason']).where('article_id', '=', id).where('n', '=', n).executeTakeFirst();
    if (!row) {
      const story = await trx.selectFrom('articles').select('id').where('id', '=', id).executeTakeFirst();
      const last = await trx
        .selectFrom('article_versions')
        .select((eb) => eb.fn.max('n').as('n'))
        .where('article_id', '=', id)
        .executeTakeFirst();
      return story && n === Number(last?.n ?? 0) + 1 ? { kind: 'current' } : { kind: 'missing' };
    }
    if (row.redacted_reason === null) {
      await trx
        .updateTable('article_versions')
        .set({ document: null, redacted_reason: reason, redacted_ts: now })
        .where('article_id', '=', id)
        .where('n', '=', n)
        .execute();
      const placement = await placementOf(trx, id);
      if (placement) await recordCacheInvalidations(trx, [contentTags.story(id), ...tagsAffectedByStory(undefined, placement, false)]);
    }
    const versions = await listStoryVersions(trx, id, { publicOnly: false });
    return { kind: 'redacted', version: versions!.find((v) => v.n === n)! };
  });
}
