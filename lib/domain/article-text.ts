import type { Article, BodyBlock, InlineRun } from './article-schema';

/** The words of inline runs, without their marks. */
function inlineText(runs: InlineRun[]): string {
  return runs.map((run) => (run.type === 'text' ? run.text : inlineText(run.children))).join('');
}

/** The words of one body block, as a reader reads them. */
export function blockText(block: BodyBlock): string {
  switch (block.type) {
    case 'paragraph':
      return inlineText(block.content);
    case 'subheading':
      return block.text;
    case 'pullQuote':
      return `${block.text} ${block.attribution}`;
    case 'image':
      return block.image.caption;
    case 'list':
      return block.items.map(inlineText).join('\n');
    case 'video':
    case 'audio':
      return [block.caption, block.transcript ?? ''].join('\n');
    case 'embed':
      return block.caption ?? '';
  }
}

/** Everything a reader can read in the body, as plain text: what the search index holds. */
export function bodyText(article: Pick<Article, 'body'>): string {
  return article.body.map(blockText).join('\n');
}
