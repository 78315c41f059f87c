'use client';

import { useState, useSyncExternalStore } from 'react';
import styles from './StoryMedia.module.css';

const subscribeToNothing = () => () => {};

/**
 * The button that shows another site's post in place, once the reader asks: until then there is
 * no frame, so nothing of that site loads. Without JavaScript the card's link is the way to it.
 */
export function EmbedFrame({ frameSrc, aspect, title, label }: { frameSrc: string; aspect: number; title: string; label: string }) {
  const [shown, setShown] = useState(false);
  // The button is offered once it works (hydrated): without JavaScript the card's link is the way.
  const ready = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
  if (!ready) return null;
  if (!shown) {
    return (
      <button type="button" className={styles.embedButton} onClick={() => setShown(true)}>
        {label}
      </button>
    );
  }
  return (
    <iframe
      className={styles.embedFrame}
      src={frameSrc}
      title={title}
      style={{ aspectRatio: String(aspect) }}
      allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
      referrerPolicy="strict-origin-when-cross-origin"
      sandbox="allow-scripts allow-same-origin allow-popups allow-presentation"
    />
  );
}
