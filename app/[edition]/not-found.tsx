import type { Metadata } from 'next';
import { noindexRobots } from '@/lib/seo/page-metadata';
import { PageShell } from '@/components/layout/PageShell';
import { NotFoundPage } from '@/components/not-found/NotFoundPage';
import { getEdition } from '@/lib/editions';
import { requestEdition, requestedPath } from '@/lib/request-edition';

export const metadata: Metadata = { title: 'Page not found', robots: noindexRobots };

export default async function EditionNotFound() {
  const edition = await requestEdition();
  return (
    <PageShell edition={edition}>
      <NotFoundPage edition={edition} requestedPath={await requestedPath()} />
    </PageShell>
  );
}
