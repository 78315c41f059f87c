import type { Metadata } from 'next';
import { PageShell } from '@/components/layout/PageShell';
import { NotFoundPage } from '@/components/not-found/NotFoundPage';
import { defaultEditionId, getEdition } from '@/lib/editions';
import { noindexRobots } from '@/lib/seo/page-metadata';

/**
 * Only a fallback: not-found and gone pages are decided by the proxy and rendered by
 * /[edition]/unavailable (decision 002). Next renders this boundary into every page under the
 * edition, so it must not read the request (that would make every page dynamic).
 */
export const metadata: Metadata = { title: getEdition(defaultEditionId).strings.notFoundTitle, robots: noindexRobots };

export default function EditionNotFound() {
  return (
    <PageShell edition={defaultEditionId}>
      <NotFoundPage edition={defaultEditionId} requestedPath="" />
    </PageShell>
  );
}
