import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, storyMarkdown, writePicture } from '../testing/fixtures';
import { imageDimensionsFrom } from './import-content';
import { parseArticleMarkdown } from './markdown-article';

let publicDir: string;
let lookup: ReturnType<typeof imageDimensionsFrom>;

beforeAll(async () => {
  publicDir = makeTempDir();
  await writePicture(publicDir, '/images/test/main.jpg', 1600, 900);
  await writePicture(publicDir, '/images/test/inline.jpg', 1200, 800);
  lookup = imageDimensionsFrom(path.resolve(publicDir));
});

const parse = (source: string) => parseArticleMarkdown(source, 'story.md', lookup);

describe('a story written in Markdown', () => {
  it('becomes typed blocks: paragraphs with emphasis and links, subheadings, pull quotes, images and lists', async () => {
    const result = await parse(
      storyMarkdown({
        body: [
          'Police seized *servers* and **data**, says [Europol](https://www.europol.europa.eu/).',
          '',
          '## Broadcasts resumed within hours',
          '',
          ':::pullquote{attribution="Karim Benali, specialist"}',
          'Its ability to put out material is intact.',
          ':::',
          '',
          '::image[Servers in a data centre.]{src=/images/test/inline.jpg alt="Rows of server racks" credit="Lena Hoffmann, Northlight Images"}',
          '',
          '- Belgium',
          '- France',
          '',
          '1. First',
          '2. Second',
        ].join('\n'),
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.body).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Police seized ' },
          { type: 'emphasis', children: [{ type: 'text', text: 'servers' }] },
          { type: 'text', text: ' and ' },
          { type: 'strong', children: [{ type: 'text', text: 'data' }] },
          { type: 'text', text: ', says ' },
          { type: 'link', href: 'https://www.europol.europa.eu/', children: [{ type: 'text', text: 'Europol' }] },
          { type: 'text', text: '.' },
        ],
      },
      { type: 'subheading', text: 'Broadcasts resumed within hours' },
      { type: 'pullQuote', text: 'Its ability to put out material is intact.', attribution: 'Karim Benali, specialist' },
      {
        type: 'image',
        image: { src: '/images/test/inline.jpg', alt: 'Rows of server racks', caption: 'Servers in a data centre.', credit: 'Lena Hoffmann, Northlight Images', width: 1200, height: 800 },
      },
      { type: 'list', style: 'bullet', items: [[{ type: 'text', text: 'Belgium' }], [{ type: 'text', text: 'France' }]] },
      { type: 'list', style: 'numbered', items: [[{ type: 'text', text: 'First' }], [{ type: 'text', text: 'Second' }]] },
    ]);
  });

  it('reads the main image size from the picture file', async () => {
    const result = await parse(storyMarkdown());
    expect(result.ok && result.article.mainImage).toMatchObject({ width: 1600, height: 900 });
  });

  it('keeps the zone of its times instead of turning them into dates', async () => {
    const result = await parse(storyMarkdown({ frontMatter: { publishedAt: '2018-04-27T14:05:00+02:00' } }));
    expect(result.ok && result.article.publishedAt).toBe('2018-04-27T14:05:00+02:00');
  });

  it('leaves a colon in running text alone', async () => {
    const result = await parse(storyMarkdown({ body: 'Note:this is plain text at 10:30.\n\n## A\n' }));
    expect(result.ok && result.article.body[0]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'Note:this is plain text at 10:30.' }] });
  });
});

describe('a live story', () => {
  it('carries its updates after the body, each with its time, title and blocks', async () => {
    const result = await parse(
      storyMarkdown({
        frontMatter: { live: 'true' },
        body: [
          'The summary.',
          '',
          '## Background',
          '',
          '::::update{at="2018-05-07T18:05:00+03:00" title="Results"}',
          'The count is in.',
          '',
          ':::pullquote{attribution="A voter"}',
          'Finally.',
          ':::',
          '::::',
          '',
          '::::update{at="2018-05-06T19:05:00+03:00" id="polls-close"}',
          'Polls closed.',
          '::::',
        ].join('\n'),
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.live).toBe(true);
    expect(result.article.body.map((b) => b.type)).toEqual(['paragraph', 'subheading']);
    expect(result.article.updates).toEqual([
      {
        id: 'update-20180507180500',
        publishedAt: '2018-05-07T18:05:00+03:00',
        title: 'Results',
        body: [
          { type: 'paragraph', content: [{ type: 'text', text: 'The count is in.' }] },
          { type: 'pullQuote', text: 'Finally.', attribution: 'A voter' },
        ],
      },
      { id: 'polls-close', publishedAt: '2018-05-06T19:05:00+03:00', body: [{ type: 'paragraph', content: [{ type: 'text', text: 'Polls closed.' }] }] },
    ]);
  });

  it('refuses updates on a story that is not live, and an update without a time', async () => {
    const notLive = await parse(storyMarkdown({ body: 'Text.\n\n::::update{at="2018-05-06T19:05:00+03:00"}\nHi.\n::::\n' }));
    expect(notLive.ok ? [] : notLive.issues.map((i) => i.field)).toEqual(['updates']);
    const noTime = await parse(storyMarkdown({ frontMatter: { live: 'true' }, body: 'Text.\n\n::::update\nHi.\n::::\n' }));
    expect(noTime.ok ? [] : noTime.issues).toEqual([expect.objectContaining({ field: 'updates', line: 17, message: expect.stringMatching(/needs its time/) })]);
  });
});

describe('a story with mistakes', () => {
  const problems = async (source: string) => {
    const result = await parse(source);
    expect(result.ok).toBe(false);
    return result.ok ? [] : result.issues;
  };

  it('without front matter is refused at line 1', async () => {
    expect(await problems('Just text.')).toEqual([expect.objectContaining({ file: 'story.md', line: 1 })]);
  });

  it('with broken YAML is refused at the line of the mistake', async () => {
    const issues = await problems(storyMarkdown({ frontMatter: { headline: '[unclosed' } }));
    // The headline is on line 6; the parser notices the missing ] where the next line starts.
    expect(issues[0]).toMatchObject({ message: expect.stringMatching(/not valid YAML/) });
    expect([6, 7]).toContain(issues[0]?.line);
  });

  it('names the field and its line for each invalid field', async () => {
    const issues = await problems(storyMarkdown({ frontMatter: { slug: 'Not A Slug', publishedAt: '2018-04-27 14:05' } }));
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'slug', line: 5 }),
        expect.objectContaining({ field: 'publishedAt', line: 9, message: expect.stringMatching(/zone/) }),
      ]),
    );
  });

  it('reports a missing required field', async () => {
    const issues = await problems(storyMarkdown({ frontMatter: { standfirst: '' } }));
    expect(issues).toEqual([expect.objectContaining({ field: 'standfirst', message: 'is required' })]);
  });

  it.each([
    ['a level-1 heading', '# Title', /use "## " for subheadings/],
    ['a plain quote block', '> quoted', /attribution/],
    ['raw HTML', '<script>alert(1)</script>', /raw HTML/],
    ['an unknown directive', '::video{src=x}', /unknown directive/],
    ['a pull quote without attribution', ':::pullquote\nWords.\n:::', /needs an attribution/],
    ['an image file that does not exist', '::image[C]{src=/images/test/none.jpg alt="a" credit="b"}', /image file not found/],
    ['an inline Markdown image', 'Look ![x](/images/test/main.jpg) here.', /on their own line/],
    ['a link that runs script', '[click](javascript:alert(1))', /http\(s\)/],
    ['a nested list', '- one\n  - two', /single line/],
  ])('with %s is refused at that line', async (_, body, message) => {
    const issues = await problems(storyMarkdown({ body: `Intro paragraph.\n\n${body}\n` }));
    expect(issues).toEqual([expect.objectContaining({ line: 16, message: expect.stringMatching(message) })]);
  });
});
