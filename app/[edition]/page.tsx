import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { HomeFront } from '@/components/fronts/HomeFront';
import { PageShell } from '@/components/layout/PageShell';
import { isEditionId } from '@/lib/editions';
import { publication } from '@/lib/site-config';

type Params = Promise<{ edition: string }>;

export const metadata: Metadata = { title: { absolute: `${publication.name} - ${publication.tagline}` } };

export default async function HomePage({ params }: { params: Params }) {
  const { edition } = await params;
  if (!isEditionId(edition)) notFound();
  return (
    <PageShell edition={edition}>
      <HomeFront edition={edition} />
    </PageShell>
  );
}
