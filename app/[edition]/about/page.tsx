import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageShell } from '@/components/layout/PageShell';
import { editionIds, getEdition, isEditionId } from '@/lib/domain/editions';
import { pageMetadata } from '@/lib/seo/page-metadata';
import { publication } from '@/lib/domain/site-config';
import styles from '@/components/fronts/SimplePage.module.css';
import { aboutPath, everyEdition } from '@/lib/domain/urls';

const abouts = everyEdition(aboutPath, editionIds);

export const revalidate = 86400;

export async function generateMetadata({ params }: { params: Promise<{ edition: string }> }): Promise<Metadata> {
  const { edition } = await params;
  if (!isEditionId(edition)) return {};
  const { strings } = getEdition(edition);
  return pageMetadata({
    edition: getEdition(edition),
    path: aboutPath(edition),
    title: strings.footerAbout,
    description: strings.aboutDescription(publication.name),
    alternates: abouts,
  });
}

export default async function AboutPage({ params }: { params: Promise<{ edition: string }> }) {
  const { edition } = await params;
  if (!isEditionId(edition)) notFound();
  const { strings } = getEdition(edition);
  return (
    <PageShell edition={edition} alternates={abouts} path={aboutPath(edition)}>
      <div className={styles.page}>
        <h1 className={styles.title}>{strings.aboutTitle(publication.name)}</h1>
        {strings.aboutBody(publication.name).map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </div>
    </PageShell>
  );
}
