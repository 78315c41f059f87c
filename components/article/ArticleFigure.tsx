import Image from 'next/image';
import type { ArticleImage } from '@/lib/domain/article-schema';
import type { EditionStrings } from '@/lib/domain/editions';
import { ImageCaption } from './ImageCaption';
import styles from './ArticleFigure.module.css';

type Props = {
  image: ArticleImage;
  strings: Pick<EditionStrings, 'imageCaptionPrefix' | 'imageCreditPrefix' | 'illustrationCredit'>;
  /** The main image is the page's largest paint: fetch it first. Inline ones wait until near. */
  lead?: boolean;
};

/** An image with its caption and credit. Width and height are always set: nothing shifts. */
export function ArticleFigure({ image, strings, lead = false }: Props) {
  return (
    <figure className={lead ? styles.leadFigure : styles.figure}>
      <Image
        className={styles.image}
        src={image.src}
        alt={image.alt}
        width={image.width}
        height={image.height}
        sizes={lead ? '(min-width: 64rem) 760px, 100vw' : '(min-width: 64rem) 640px, 100vw'}
        quality={70}
        {...(lead ? { preload: true, fetchPriority: 'high' as const, loading: 'eager' as const } : { loading: 'lazy' as const })}
      />
      <ImageCaption caption={image.caption} credit={image.credit} illustration={image.kind === 'illustration'} strings={strings} />
    </figure>
  );
}
