import { SearchForm } from '@/components/search/SearchForm';
import { StoryList } from '@/components/story-lists/StoryList';
import { getEdition, type EditionId } from '@/lib/domain/editions';
import { wordsOfPath } from '@/lib/domain/suggestions';
import { getLatest, getSections, getSuggestions } from '@/lib/data/reads';
import styles from './NotFoundPage.module.css';
import { publication } from '@/lib/domain/site-config';
import { editionPath } from '@/lib/domain/urls';

/**
 * What a reader sees for a story that does not exist or was withdrawn (`gone`: 410, and it says
 * so): the plain statement,
 * the stories closest to the address they asked for, a search box already holding the words
 * of that address, and the latest stories — so the visit is not wasted.
 */
export async function NotFoundPage({ edition, requestedPath, gone = false }: { edition: EditionId; requestedPath: string; gone?: boolean }) {
  const config = getEdition(edition);
  const [suggestions, latest, sections] = await Promise.all([getSuggestions(edition, requestedPath), getLatest(edition, 8), getSections(edition)]);
  const suggested = new Set(suggestions.map((s) => s.id));
  return (
    <div className={styles.notFound}>
      <h1 className={styles.title}>{gone ? config.strings.goneTitle : config.strings.notFoundTitle}</h1>
      <p className={styles.message}>{gone ? config.strings.goneMessage(publication.name) : config.strings.notFoundMessage}</p>
      {suggestions.length ? (
        <section aria-labelledby="not-found-suggestions" className={styles.block}>
          <h2 id="not-found-suggestions" className={styles.blockHeading}>
            {config.strings.suggestionsHeading}
          </h2>
          <StoryList stories={suggestions} edition={config} sections={sections} showStandfirst={false} />
        </section>
      ) : null}
      <div className={styles.block}>
        <SearchForm edition={config} id="not-found-search" defaultValue={wordsOfPath(requestedPath).join(' ')} />
      </div>
      <p>
        <a className={styles.home} href={editionPath(edition)}>
          {config.strings.notFoundBackHome}
        </a>
      </p>
      <section aria-labelledby="not-found-latest" className={styles.block}>
        <h2 id="not-found-latest" className={styles.blockHeading}>
          {config.strings.latestStories}
        </h2>
        <StoryList stories={latest.items.filter((s) => !suggested.has(s.id))} edition={config} sections={sections} showStandfirst={false} />
      </section>
    </div>
  );
}
