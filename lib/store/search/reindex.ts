import { searchTextVersion } from '../../domain/search-text';
import { readArticleDocument, type Db } from '../rows';
import { indexForSearch } from './index';

const versionKey = 'search_text_version';
const batchSize = 500;

/**
 * What the search index holds is made by live code (lib/domain/search-text.ts), so it is not
 * rebuilt by a frozen migration: the store records which version of the normaliser made its
 * index, and when it opens with another (a new store, migration 012, a change of the rules) it
 * indexes every story again, in batches of 500, each its own transaction. Readers keep reading
 * meanwhile; two instances opening at once both rebuild, which is harmless (each row is
 * replaced whole).
 */
export async function ensureSearchIndex(db: Db): Promise<number> {
  const stored = await db.selectFrom('site_settings').select('value').where('key', '=', versionKey).executeTakeFirst();
  if (stored?.value === String(searchTextVersion)) return 0;
  let after = '';
  let indexed = 0;
  for (;;) {
    const batch = await db.selectFrom('articles').select(['id', 'document', 'status']).where('id', '>', after).orderBy('id').limit(batchSize).execute();
    if (batch.length === 0) break;
    await db.transaction().execute(async (trx) => {
      for (const row of batch) await indexForSearch(trx, readArticleDocument(row.document), row.status === 'published');
    });
    indexed += batch.length;
    after = batch.at(-1)!.id;
  }
  const value = String(searchTextVersion);
  await db
    .insertInto('site_settings')
    .values({ key: versionKey, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
  return indexed;
}
