import type { Metadata } from 'next';
import { noindexRobots } from '@/lib/seo/page-metadata';
import { serif } from '@/components/layout/fonts';
import { PageShell } from '@/components/layout/PageShell';
import { NotFoundPage } from '@/components/not-found/NotFoundPage';
import { getEdition } from '@/lib/editions';
import { requestEdition, requestedPath } from '@/lib/request-edition';
import { publication } from '@/lib/site-config';
import './globals.css';

/** Not-found for URLs outside every edition, and the fallback Next renders when a 404 escapes the edition layout. */
export async function generateMetadata(): Promise<Metadata> {
  const { strings } = getEdition(await requestEdition());
  return { title: `${strings.notFoundTitle} - ${publication.name}`, robots: noindexRobots };
}

export default async function RootNotFound() {
  const editionId = await requestEdition();
  const edition = getEdition(editionId);
  return (
    <html lang={edition.lang} dir={edition.dir} className={serif.variable}>
      <body>
        <PageShell edition={editionId}>
          <NotFoundPage edition={editionId} requestedPath={await requestedPath()} />
        </PageShell>
      </body>
    </html>
  );
}
