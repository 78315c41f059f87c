import type { WordChange } from '@/lib/domain/story-history';
import type { EditionConfig } from '@/lib/domain/editions';
import styles from './StoryHistory.module.css';

/**
 * Words struck and added between two versions, as `<del>` and `<ins>`: struck through and
 * underlined (readable without colour, and in print), each announced to a screen reader by
 * the edition's word for it, since most read neither element out.
 */
export function WordChanges({ changes, strings }: { changes: WordChange[]; strings: EditionConfig['strings'] }) {
  return (
    <>
      {changes.map((change, i) =>
        change.kind === 'same' ? (
          <span key={i}>{change.text}</span>
        ) : change.kind === 'removed' ? (
          <del key={i} className={styles.removed}>
            <span className="visually-hidden">{strings.historyRemoved}</span>
            {change.text}
          </del>
        ) : (
          <ins key={i} className={styles.added}>
            <span className="visually-hidden">{strings.historyAdded}</span>
            {change.text}
          </ins>
        ),
      )}
    </>
  );
}
