import type { ReactNode } from 'react';
import type { BodyBlock } from '@/lib/domain/article-schema';
import type { EditionStrings } from '@/lib/domain/editions';
import { ArticleFigure } from './ArticleFigure';
import { assertNever, InlineContent } from './InlineContent';
import { PullQuote } from './PullQuote';
import styles from './ArticleBody.module.css';

/** The story's body: one exhaustive switch from block type to markup. */
/**
 * How videos, recordings and embeds are drawn: given by the story's page (a server component
 * with what the store knows of its files); a live update, drawn in the browser too, holds none.
 */
export type MediaBlockView = (block: Extract<BodyBlock, { type: 'video' | 'audio' | 'embed' }>) => ReactNode;

export function ArticleBody({
  blocks,
  strings,
  media,
}: {
  blocks: BodyBlock[];
  strings: Pick<EditionStrings, 'imageCaptionPrefix' | 'imageCreditPrefix' | 'illustrationCredit' | 'quotes'>;
  media?: MediaBlockView;
}) {
  return (
    <div className={styles.body}>
      {blocks.map((block, index) => (
        <BodyBlockView key={index} block={block} strings={strings} media={media} />
      ))}
    </div>
  );
}

function BodyBlockView({
  block,
  strings,
  media,
}: {
  block: BodyBlock;
  strings: Pick<EditionStrings, 'imageCaptionPrefix' | 'imageCreditPrefix' | 'illustrationCredit' | 'quotes'>;
  media?: MediaBlockView;
}) {
  switch (block.type) {
    case 'paragraph':
      return (
        <p>
          <InlineContent runs={block.content} />
        </p>
      );
    case 'subheading':
      return <h2 className={styles.subheading}>{block.text}</h2>;
    case 'pullQuote':
      return <PullQuote text={block.text} attribution={block.attribution} quotes={strings.quotes} />;
    case 'image':
      return <ArticleFigure image={block.image} strings={strings} />;
    case 'list': {
      const items = block.items.map((item, i) => (
        <li key={i}>
          <InlineContent runs={item} />
        </li>
      ));
      return block.style === 'numbered' ? <ol className={styles.list}>{items}</ol> : <ul className={styles.list}>{items}</ul>;
    }
    case 'video':
    case 'audio':
    case 'embed':
      return media ? media(block) : null;
    default:
      return assertNever(block);
  }
}
