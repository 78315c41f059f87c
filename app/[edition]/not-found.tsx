import type { Metadata } from 'next';
import { NotFoundFallback } from '@/components/not-found/NotFoundFallback';
import { defaultEditionId, getEdition } from '@/lib/domain/editions';
import { noindexRobots } from '@/lib/seo/page-metadata';

/**
 * Only a fallback: not-found and gone pages are decided by the proxy and rendered by
 * /[edition]/unavailable (decision 002). Next sends this boundary with every page under the
 * edition, so it reads nothing and renders little.
 */
export const metadata: Metadata = { title: getEdition(defaultEditionId).strings.notFoundTitle, robots: noindexRobots };

export default function EditionNotFound() {
  return <NotFoundFallback edition={defaultEditionId} />;
}
