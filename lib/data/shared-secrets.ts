import { randomBytes } from 'node:crypto';
import { getOrCreateSetting } from '../store/settings';
import type { Db } from '../store/database';

/**
 * Signing keys every instance on a store must agree on: from the environment when set,
 * otherwise generated on first use and kept in the store (site_settings), so that every
 * instance sharing the store accepts what any other signed.
 */
function sharedSecret(envName: string, settingKey: string): (db: Db) => Promise<string> {
  let cached: Promise<string> | undefined;
  return (db) => {
    const fromEnv = process.env[envName];
    if (fromEnv) return Promise.resolve(fromEnv);
    cached ??= getOrCreateSetting(db, settingKey, () => randomBytes(32).toString('base64url')).catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
    return cached;
  };
}

/** Signs API list cursors: CURSOR_SECRET. */
export const cursorSecret = sharedSecret('CURSOR_SECRET', 'cursor_secret');

/** Signs preview links of drafts and scheduled stories (decision 015): PREVIEW_SECRET. */
export const previewSecret = sharedSecret('PREVIEW_SECRET', 'preview_secret');
