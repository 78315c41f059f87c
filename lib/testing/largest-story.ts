import { articleLimits, type ArticleInput } from '../domain/article-schema';

/**
 * The largest story the schema allows (articleLimits): the most authors, tags and body blocks,
 * emphasis nested as deep as allowed, and the body's whole text budget spent. What the
 * publishing tests send to measure how long a publish holds other readers up. Free of test
 * runners' imports: the unit tests and the end-to-end tests both use it.
 */
export function largestStoryInput(overrides: Partial<ArticleInput> = {}): ArticleInput {
  const word = (i: number) => `word${i % 997}`;
  const sentence = (length: number, seed: number) =>
    Array.from({ length: Math.ceil(length / 8) }, (_, i) => word(seed + i))
      .join(' ')
      .slice(0, length)
      .trim();
  const perBlock = Math.floor(articleLimits.bodyText / articleLimits.bodyBlocks) - 10;
  const body: ArticleInput['body'] = Array.from({ length: articleLimits.bodyBlocks }, (_, i) => {
    if (i % 50 === 10) return { type: 'subheading' as const, text: sentence(150, i) };
    if (i % 50 === 20) {
      return {
        type: 'list' as const,
        style: 'bullet' as const,
        items: Array.from({ length: 10 }, (_, j) => [{ type: 'text' as const, text: sentence(Math.floor(perBlock / 10), i + j) }]),
      };
    }
    return {
      type: 'paragraph' as const,
      content: [
        { type: 'text' as const, text: sentence(perBlock - 120, i) },
        {
          type: 'emphasis' as const,
          children: [
            {
              type: 'strong' as const,
              children: [{ type: 'link' as const, href: '/en/europe', children: [{ type: 'text' as const, text: sentence(100, i) }] }],
            },
          ],
        },
      ],
    };
  });
  return {
    id: 'largest-story',
    edition: 'en',
    section: 'europe',
    slug: 'largest-story',
    headline: 'The longest story this newsroom would ever publish',
    standfirst: 'Every list and every text of it as long as the schema allows.',
    authors: Array.from({ length: articleLimits.authors }, (_, i) => ({ name: `Reporter Number ${i + 1}` })),
    publishedAt: '2018-04-27T14:05:00+02:00',
    tags: Array.from({ length: articleLimits.tags }, (_, i) => `Topic number ${i + 1}`),
    mainImage: { src: '/images/test/main.jpg', alt: 'A building', width: 1600, height: 900, caption: 'A building.', credit: 'Pieter Maas, Meridian' },
    body,
    ...overrides,
  };
}
