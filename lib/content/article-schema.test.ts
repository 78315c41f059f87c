import { describe, expect, it } from 'vitest';
import { articleInput } from '../testing/fixtures';
import { ArticleSchema, isSafeHref } from './article-schema';

const parse = (overrides: Parameters<typeof articleInput>[0]) => ArticleSchema.safeParse(articleInput(overrides));
const fields = (result: ReturnType<typeof parse>) => (result.success ? [] : result.error.issues.map((i) => i.path.join('.')));

describe('the article schema', () => {
  it('accepts a complete story and fills in defaults an editor may leave out', () => {
    const result = parse({});
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.status).toBe('published');
    expect(result.data.previousSlugs).toEqual([]);
    expect(result.data.authors).toEqual([{ name: 'Claire Dubois', slug: 'claire-dubois' }]);
  });

  it('gives an author a slug from the name, folding accents', () => {
    const result = parse({ authors: [{ name: 'Lucía Ortega' }, { name: 'Jonas Berg', slug: 'jonas' }] });
    expect(result.success && result.data.authors.map((a) => a.slug)).toEqual(['lucia-ortega', 'jonas']);
  });

  it('requires times with a zone', () => {
    expect(parse({ publishedAt: '2018-04-27T14:05:00' }).success).toBe(false);
    expect(parse({ publishedAt: '2018-04-27' }).success).toBe(false);
    expect(parse({ publishedAt: '2018-04-27T12:05:00Z' }).success).toBe(true);
  });

  it('refuses an update time earlier than the publication time', () => {
    expect(fields(parse({ updatedAt: '2018-04-26T10:00:00+02:00' }))).toContain('updatedAt');
  });

  it('refuses slugs that are not lowercase words joined by hyphens', () => {
    for (const slug of ['Europol', 'two  spaces', 'trailing-', 'a/b', '../etc', 'café']) {
      expect(fields(parse({ slug }))).toContain('slug');
    }
  });

  it('refuses a section named like a page of the site', () => {
    expect(fields(parse({ section: 'search' }))).toContain('section');
    expect(fields(parse({ section: 'tag' }))).toContain('section');
  });

  it('refuses unknown editions and unknown fields', () => {
    expect(fields(parse({ edition: 'xx' as 'en' }))).toContain('edition');
    const withExtra = { ...articleInput(), html: '<p>no</p>' };
    expect(ArticleSchema.safeParse(withExtra).success).toBe(false);
  });

  it('refuses links that could run script, anywhere in a paragraph', () => {
    const body = [
      {
        type: 'paragraph' as const,
        content: [{ type: 'emphasis' as const, children: [{ type: 'link' as const, href: 'javascript:alert(1)', children: [{ type: 'text' as const, text: 'x' }] }] }],
      },
    ];
    expect(fields(parse({ body }))).toContain('body.0.content.0.children.0.href');
  });

  it('refuses images that are neither local nor https', () => {
    const mainImage = { ...articleInput().mainImage, src: 'http://example.com/a.jpg' };
    expect(fields(parse({ mainImage }))).toContain('mainImage.src');
    expect(fields(parse({ mainImage: { ...mainImage, src: '/images/../../etc/passwd' } }))).toContain('mainImage.src');
  });

  it('requires alt text, caption and credit on every image', () => {
    const body = [{ type: 'image' as const, image: { src: '/images/a.jpg', alt: ' ', width: 10, height: 10, caption: 'c', credit: '' } }];
    expect(fields(parse({ body }))).toEqual(expect.arrayContaining(['body.0.image.alt', 'body.0.image.credit']));
  });
});

describe('safe link addresses', () => {
  it.each([
    ['https://example.com/a', true],
    ['http://example.com', true],
    ['mailto:desk@example.com', true],
    ['/en/europe', true],
    ['#section', true],
    ['//evil.example/x', false],
    ['javascript:alert(1)', false],
    ['JAVASCRIPT:alert(1)', false],
    ['data:text/html,<script>', false],
    ['vbscript:x', false],
    [' javascript:alert(1)', false],
  ])('%s → %s', (href, safe) => {
    expect(isSafeHref(href)).toBe(safe);
  });
});
