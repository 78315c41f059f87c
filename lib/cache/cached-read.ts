import 'server-only';
import { unstable_cache } from 'next/cache';
import { noteContentTags } from './response-tags';

/** A day: invalidation is by tag; this only bounds how long an entry nobody invalidated may live. */
const safetyNetSeconds = 86_400;

/**
 * A read through Next's data cache, keyed by `key` and tagged with what it depends on
 * (lib/domain/content-tags.ts). The value must survive JSON: use null, never undefined.
 */
export function cachedRead<T>(key: (string | number)[], tags: string[], read: () => Promise<T>, revalidate = safetyNetSeconds): Promise<T> {
  // A route's answer built from this read is purged at the edge with it (lib/cache/response-tags.ts).
  noteContentTags(tags);
  return unstable_cache(read, key.map(String), { tags, revalidate })();
}
