import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageShell } from '@/components/layout/PageShell';
import styles from '@/components/fronts/SimplePage.module.css';
import { CorrectionsList } from '@/components/history/CorrectionsList';
import { getEdition, isEditionId } from '@/lib/domain/editions';
import { correctionsFeed, pageMetadata } from '@/lib/seo/page-metadata';
import { getEditionCorrections } from '@/lib/data/history-reads';
import { correctionsPath } from '@/lib/domain/urls';

type Params = Promise<{ edition: string }>;

// Rendered on first request, then served from the page cache until a correction changes.
export const revalidate = 86400;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { edition } = await params;
  if (!isEditionId(edition)) return {};
  const config = getEdition(edition);
  return pageMetadata({
    edition: config,
    path: correctionsPath(edition),
    title: config.strings.correctionsTitle,
    description: config.strings.correctionsIntro,
    feeds: [correctionsFeed(config)],
  });
}

/** /{edition}/corrections: every correction of the edition's stories, newest first (issue 32). */
export default async function CorrectionsPage({ params }: { params: Params }) {
  const { edition } = await params;
  if (!isEditionId(edition)) notFound();
  const config = getEdition(edition);
  const corrections = await getEditionCorrections(edition);
  return (
    <PageShell edition={edition} path={correctionsPath(edition)}>
      <div className={styles.page}>
        <h1 className={styles.title}>{config.strings.correctionsTitle}</h1>
        <p>{config.strings.correctionsIntro}</p>
        <CorrectionsList corrections={corrections} edition={config} />
      </div>
    </PageShell>
  );
}
