import type { Db } from './rows';

/**
 * A value every instance on this store shares (a signing secret, say), created on first use.
 * Two instances racing to create it both end up with the one that was written first.
 */
export async function getOrCreateSetting(db: Db, key: string, create: () => string): Promise<string> {
  await db
    .insertInto('site_settings')
    .values({ key, value: create() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('site_settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  return row.value;
}
