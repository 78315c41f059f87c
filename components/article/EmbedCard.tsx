import type { EmbedBlock } from '@/lib/domain/media-blocks';
import type { EditionStrings } from '@/lib/domain/editions';
import { parseEmbedUrl } from '@/lib/domain/embeds';
import { EmbedFrame } from './EmbedFrame.island';
import styles from './StoryMedia.module.css';

/**
 * A post or clip from another site, as a plain card of our own: where it comes from, its
 * caption, and a link to it. Nothing of the other site — no script, frame, cookie or request —
 * until the reader asks to see it here (the island); the page's policy opens its frame-src to
 * that site's frame only because this card names it (`data-frame-origin`, decision 025).
 */
export function EmbedCard({ embed, strings }: { embed: EmbedBlock; strings: Pick<EditionStrings, 'embedFrom' | 'embedOpen' | 'embedLoad' | 'embedNotice'> }) {
  const parsed = parseEmbedUrl(embed.url);
  if (!parsed) return null;
  const say = (text: string) => text.replaceAll('{provider}', parsed.name);
  return (
    <figure className={styles.embed} data-frame-origin={parsed.frameOrigin}>
      <div className={styles.embedCard}>
        <p className={styles.embedSource}>{say(strings.embedFrom)}</p>
        {embed.caption ? <p className={styles.embedCaption}>{embed.caption}</p> : null}
        <p className={styles.embedActions}>
          <a className={styles.embedLink} href={parsed.url} rel="noopener noreferrer external">
            {say(strings.embedOpen)}
          </a>
          <EmbedFrame frameSrc={parsed.frameSrc} aspect={parsed.aspect} title={say(strings.embedFrom)} label={strings.embedLoad} />
        </p>
        <p className={styles.embedNotice}>{say(strings.embedNotice)}</p>
      </div>
    </figure>
  );
}
