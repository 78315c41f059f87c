import type { Article } from '@/lib/domain/article-schema';
import type { EditionConfig } from '@/lib/domain/editions';
import { formatDateTime, formatLongDate } from '@/lib/domain/format-date';
import { compareVersions, type StoryVersion, type VersionComparison } from '@/lib/domain/story-history';
import { articlePath } from '@/lib/domain/urls';
import styles from './StoryHistory.module.css';
import { WordChanges } from './WordChanges';

type Props = { article: Article; versions: StoryVersion[]; edition: EditionConfig };

/**
 * A story's history for readers (issue 32): every version they saw, newest first, each with its
 * time and what changed since the one before — the words struck and added in the headline,
 * the summary and each paragraph that changed, pictures added and removed, corrections made. A
 * redacted version says so and why, and shows none of its text; the next version is compared
 * with the last one that can still be shown.
 */
export function StoryHistory({ article, versions, edition }: Props) {
  const { strings } = edition;
  const entries = versions.map((version, index) => {
    const earlier = versions
      .slice(0, index)
      .reverse()
      .find((v) => v.article !== null);
    const comparison = version.article && earlier?.article ? compareVersions(earlier.article, version.article, edition.lang) : null;
    return { version, comparison, first: index === 0 };
  });
  return (
    <div className={styles.history}>
      <p className={styles.story}>
        {strings.historyStory}{' '}
        <a href={articlePath(article)}>
          <bdi>{article.headline}</bdi>
        </a>
      </p>
      <h1 className={styles.title}>{strings.historyTitle}</h1>
      <p className={styles.intro}>{strings.historyIntro}</p>
      <ol className={styles.versions} reversed>
        {entries.reverse().map(({ version, comparison, first }) => (
          <li key={version.n} className={styles.version}>
            <h2 id={`version-${version.n}`} className={styles.versionTitle}>
              {strings.historyVersion(version.n)}
              {version.replacedTs === null ? <span className={styles.current}> · {strings.historyCurrent}</span> : null}
            </h2>
            <p className={styles.time}>
              <time dateTime={version.at}>{formatDateTime(edition, version.at)}</time>
            </p>
            {version.redaction ? (
              <div className={styles.redaction}>
                <p>{strings.historyRedacted}</p>
                <p>
                  {strings.historyRedactionReason} {version.redaction.reason}
                </p>
              </div>
            ) : first ? (
              <p>{strings.historyFirst}</p>
            ) : comparison ? (
              <Changes comparison={comparison} edition={edition} />
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

function Changes({ comparison, edition }: { comparison: VersionComparison; edition: EditionConfig }) {
  const { strings } = edition;
  const names = new Intl.ListFormat(edition.locale, { type: 'conjunction' }).format(comparison.changed.map((kind) => strings.historyChanges[kind]));
  const heading = (kind: keyof typeof strings.historyChanges) => {
    const name = strings.historyChanges[kind];
    return name.charAt(0).toLocaleUpperCase(edition.lang) + name.slice(1);
  };
  // The texts that changed, word by word: the headline, the summary, then each paragraph.
  const texts = [
    ['headline', comparison.headline ? [comparison.headline] : []],
    ['standfirst', comparison.standfirst ? [comparison.standfirst] : []],
    ['paragraphs', comparison.paragraphs],
  ] as const;
  return (
    <>
      {comparison.changed.length ? (
        <p className={styles.changed}>
          {strings.historyChanged} {names}
        </p>
      ) : null}
      {texts.map(([kind, changed]) =>
        changed.length ? (
          <section key={kind} className={styles.change}>
            <h3 className={styles.changeTitle}>{heading(kind)}</h3>
            {changed.map((changes, i) => (
              <p key={i}>
                <WordChanges changes={changes} strings={strings} />
              </p>
            ))}
          </section>
        ) : null,
      )}
      {comparison.picturesAdded.length || comparison.picturesRemoved.length ? (
        <section className={styles.change}>
          <h3 className={styles.changeTitle}>{heading('pictures')}</h3>
          {comparison.picturesRemoved.map((image) => (
            <p key={`removed-${image.src}`}>
              {strings.historyPictureRemoved} <del className={styles.picture}>{image.caption}</del>
            </p>
          ))}
          {comparison.picturesAdded.map((image) => (
            <p key={`added-${image.src}`}>
              {strings.historyPictureAdded} <ins className={styles.picture}>{image.caption}</ins>
            </p>
          ))}
        </section>
      ) : null}
      {comparison.correctionsAdded.length ? (
        <section className={styles.change}>
          <h3 className={styles.changeTitle}>{heading('corrections')}</h3>
          {comparison.correctionsAdded.map((correction) => (
            <p key={correction.at}>
              <strong>
                <time dateTime={correction.at}>{strings.correction(formatLongDate(edition, correction.at))}</time>
              </strong>{' '}
              {correction.text}
            </p>
          ))}
        </section>
      ) : null}
    </>
  );
}
