import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageShell } from '@/components/layout/PageShell';
import { StoryList } from '@/components/story-lists/StoryList';
import { getEdition, isEditionId } from '@/lib/editions';
import { publication } from '@/lib/site-config';
import { getLatest, getSections } from '@/lib/store/reads';
import styles from './page.module.css';

type Params = Promise<{ edition: string }>;

export const metadata: Metadata = { title: { absolute: `${publication.name} - ${publication.tagline}` } };

export default async function HomeFront({ params }: { params: Params }) {
  const { edition } = await params;
  if (!isEditionId(edition)) notFound();
  const config = getEdition(edition);
  const [latest, sections] = await Promise.all([getLatest(edition, 20), getSections(edition)]);
  return (
    <PageShell edition={edition}>
      <div className={styles.front}>
        <h1 className={styles.title}>{config.strings.latestStories}</h1>
        <StoryList stories={latest.items} edition={config} sections={sections} headingLevel={2} />
      </div>
    </PageShell>
  );
}
