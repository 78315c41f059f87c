import { randomBytes } from 'node:crypto';
import { getOrCreateSetting } from '../store/settings';
import type { Db } from '../store/database';

/**
 * The key that signs list cursors: CURSOR_SECRET when set, otherwise one generated on first use
 * and kept in the store, so that every instance sharing the store accepts every other's cursors.
 */
let cached: Promise<string> | undefined;

export function cursorSecret(db: Db): Promise<string> {
  const fromEnv = process.env.CURSOR_SECRET;
  if (fromEnv) return Promise.resolve(fromEnv);
  cached ??= getOrCreateSetting(db, 'cursor_secret', () => randomBytes(32).toString('base64url')).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
