import { describe, expect, it, vi } from 'vitest';
import { articleInput, largestStoryInput } from '../testing/fixtures';
import { articleLimits, ArticleSchema, isSafeHref } from './article-schema';
import { jsonDepthExceeds } from './json-depth';

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
        content: [
          { type: 'emphasis' as const, children: [{ type: 'link' as const, href: 'javascript:alert(1)', children: [{ type: 'text' as const, text: 'x' }] }] },
        ],
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

describe('text an editor sends', () => {
  it.each(['\u0001', '\u0002', '\u0003', '\u007f', '\u0085', '\ud800', '\udfff', '\ufffe', '\uffff', '\ufdd0'])(
    'refuses %j in a headline, naming the field and the character',
    (character) => {
      const result = parse({ headline: `A headline ${character} with it` });
      expect(result.success).toBe(false);
      if (result.success) return;
      const issue = result.error.issues.find((i) => i.path.join('.') === 'headline');
      expect(issue?.message).toMatch(/control characters|non-characters/);
      expect(issue?.message).toContain(`U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    },
  );

  it('refuses them in every text field, deep in the body too', () => {
    const bad = 'x\u0002y';
    const image = { ...articleInput().mainImage };
    expect(fields(parse({ standfirst: bad }))).toContain('standfirst');
    expect(fields(parse({ tags: [bad] }))).toContain('tags.0');
    expect(fields(parse({ authors: [{ name: bad }] }))).toContain('authors.0.name');
    expect(fields(parse({ sourceCredit: bad }))).toContain('sourceCredit');
    expect(fields(parse({ mainImage: { ...image, caption: bad } }))).toContain('mainImage.caption');
    expect(fields(parse({ body: [{ type: 'paragraph', content: [{ type: 'strong', children: [{ type: 'text', text: bad }] }] }] }))).toContain(
      'body.0.content.0.children.0.text',
    );
    expect(fields(parse({ body: [{ type: 'pullQuote', text: 'q', attribution: bad }] }))).toContain('body.0.attribution');
  });

  it('keeps tabs, line breaks, emoji, accents and right-to-left text', () => {
    const body = [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'Line one\nline\ttwo 📰 café مرحبا \u200f' }] }];
    expect(parse({ body, headline: 'Élections: 📰 «Oui»' }).success).toBe(true);
  });
});

describe('how large a story may be', () => {
  it('accepts the largest story the limits allow', () => {
    expect(ArticleSchema.safeParse(largestStoryInput()).success).toBe(true);
  });

  it('refuses one past any limit, naming the field', () => {
    const authors = Array.from({ length: articleLimits.authors + 1 }, (_, i) => ({ name: `Reporter ${i}` }));
    expect(fields(parse({ authors }))).toContain('authors');
    expect(fields(parse({ tags: Array.from({ length: articleLimits.tags + 1 }, (_, i) => `Tag ${i}`) }))).toContain('tags');
    const paragraph = { type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'x' }] };
    expect(fields(parse({ body: Array.from({ length: articleLimits.bodyBlocks + 1 }, () => paragraph) }))).toContain('body');
    const list = {
      type: 'list' as const,
      style: 'bullet' as const,
      items: Array.from({ length: articleLimits.listItems + 1 }, () => [{ type: 'text' as const, text: 'x' }]),
    };
    expect(fields(parse({ body: [list] }))).toContain('body.0.items');
    const long = { type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'x'.repeat(articleLimits.textRun + 1) }] };
    expect(fields(parse({ body: [long] }))).toContain('body.0.content.0.text');
    const many = Array.from({ length: 30 }, () => ({
      type: 'paragraph' as const,
      content: [{ type: 'text' as const, text: 'x'.repeat(articleLimits.textRun) }],
    }));
    expect(fields(parse({ body: many }))).toContain('body');
  });

  it('refuses emphasis nested deeper than the limit, and nesting a thousand deep without overflowing the stack', () => {
    const nest = (depth: number): Record<string, unknown> => (depth === 0 ? { type: 'text', text: 'deep' } : { type: 'emphasis', children: [nest(depth - 1)] });
    const body = (depth: number) => [{ type: 'paragraph', content: [nest(depth)] }];
    expect(fields(parse({ body: body(articleLimits.inlineDepth) as never }))).toEqual([]);
    expect(fields(parse({ body: body(articleLimits.inlineDepth + 1) as never }))).toContain('body.0');
    const result = ArticleSchema.safeParse({ ...articleInput(), body: body(900) });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/nested more than 32 levels/);
    expect(jsonDepthExceeds(JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)), 32)).toBe(true);
  });
});

describe('dates', () => {
  it('are refused before 1900 and, but for a publication time (which schedules), after a few minutes from now, saying so', () => {
    const year0 = parse({ publishedAt: '0000-01-01T00:00:00Z' });
    expect(fields(year0)).toContain('publishedAt');
    expect(year0.success || year0.error.issues[0]?.message).toMatch(/1900/);
    expect(fields(parse({ publishedAt: '9999-12-31T23:59:59+14:00' }))).toContain('publishedAt');
    // An hour ahead schedules the story; more than a year ahead is a typing mistake.
    expect(fields(parse({ publishedAt: new Date(Date.now() + 3_600_000).toISOString() }))).toEqual([]);
    const tooFar = parse({ publishedAt: new Date(Date.now() + 400 * 86_400_000).toISOString() });
    expect(fields(tooFar)).toContain('publishedAt');
    expect(tooFar.success || tooFar.error.issues[0]?.message).toMatch(/a year ahead/);
    expect(fields(parse({ updatedAt: new Date(Date.now() + 3_600_000).toISOString() }))).toContain('updatedAt');
    expect(fields(parse({ publishedAt: '1900-01-01T00:00:00Z' }))).toEqual([]);
    expect(fields(parse({ publishedAt: new Date(Date.now() + 60_000).toISOString() }))).toEqual([]);
  });
});

describe('links and pictures, as a browser reads them', () => {
  it.each([
    ['/\\evil.example', false],
    ['/\\t/evil.example', false],
    ['/\t/evil.example', false],
    ['/\n/evil.example', false],
    ['/en/europe?page=2#top', true],
    ['/%2F%2Fevil.example', true],
  ])('%j → %s', (href, safe) => {
    expect(isSafeHref(href)).toBe(safe);
  });

  it('judges a picture path after decoding it', () => {
    const image = articleInput().mainImage;
    for (const src of [
      '/images/%ff.jpg',
      '/images/%2e%2e/brand/meridian-logo.png',
      '/images/..%2fbrand/x.png',
      '/images/a%00.jpg',
      '/images/a\\b.jpg',
      '/images/./a.jpg',
    ]) {
      expect(fields(parse({ mainImage: { ...image, src } })), src).toContain('mainImage.src');
    }
    expect(fields(parse({ mainImage: { ...image, src: '/images/caf%C3%A9.jpg' } }))).toEqual([]);
  });

  it('takes a picture from another host only when IMAGE_HOSTS lists it', () => {
    const image = { ...articleInput().mainImage, src: 'https://images.example.org/photo.jpg' };
    vi.stubEnv('IMAGE_HOSTS', '');
    const refused = parse({ mainImage: image });
    expect(refused.success || refused.error.issues[0]?.message).toMatch(/IMAGE_HOSTS/);
    vi.stubEnv('IMAGE_HOSTS', 'images.example.org');
    expect(parse({ mainImage: image }).success).toBe(true);
    vi.unstubAllEnvs();
  });
});
