import { StoryList } from '@/components/story-lists/StoryList';
import { getEdition, type EditionId } from '@/lib/editions';
import { getLatest, getSections } from '@/lib/store/reads';
import styles from './NotFoundPage.module.css';

/**
 * What a reader sees for a story that does not exist or was withdrawn: the plain statement,
 * a way home, and the latest stories so the visit is not wasted.
 */
export async function NotFoundPage({ edition }: { edition: EditionId }) {
  const config = getEdition(edition);
  const [latest, sections] = await Promise.all([getLatest(edition, 8), getSections(edition)]);
  return (
    <div className={styles.notFound}>
      <h1 className={styles.title}>{config.strings.notFoundTitle}</h1>
      <p className={styles.message}>{config.strings.notFoundMessage}</p>
      <p>
        <a className={styles.home} href={`/${edition}`}>
          {config.strings.notFoundBackHome}
        </a>
      </p>
      {latest.items.length ? (
        <section aria-labelledby="not-found-latest" className={styles.latest}>
          <h2 id="not-found-latest" className={styles.latestHeading}>
            {config.strings.latestStories}
          </h2>
          <StoryList stories={latest.items} edition={config} sections={sections} showStandfirst={false} />
        </section>
      ) : null}
    </div>
  );
}
