import { hasLiteVersion } from '@/lib/domain/urls';
import type { Metadata } from 'next';
import { noindexRobots } from '@/lib/seo/page-metadata';
import { notFound } from 'next/navigation';
import { PageShell } from '@/components/layout/PageShell';
import { NotFoundPage } from '@/components/not-found/NotFoundPage';
import { defaultEditionId, getEdition, isEditionId } from '@/lib/domain/editions';
import { isGoneRequest, requestedPath } from '@/lib/routing/forwarded-request';
import { publication } from '@/lib/domain/site-config';

/**
 * The not-found page for stories that do not exist (404) or were withdrawn (410). Readers never
 * see this URL: proxy.ts rewrites to it with the status (see lib/data/page-request.ts).
 */

type Params = Promise<{ edition: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { edition } = await params;
  const { strings } = getEdition(isEditionId(edition) ? edition : defaultEditionId);
  const title = (await isGoneRequest()) ? strings.goneTitle : strings.notFoundTitle;
  return { title: { absolute: `${title} - ${publication.name}` }, robots: noindexRobots };
}

export default async function UnavailablePage({ params }: { params: Params }) {
  const { edition } = await params;
  if (!isEditionId(edition)) notFound();
  const path = await requestedPath();
  return (
    <PageShell edition={edition} path={hasLiteVersion(path) ? path : undefined}>
      <NotFoundPage edition={edition} requestedPath={path} gone={await isGoneRequest()} />
    </PageShell>
  );
}
