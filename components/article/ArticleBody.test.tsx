import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { BodyBlock } from '@/lib/domain/article-schema';
import { editions } from '@/lib/domain/editions';
import { ArticleBody } from './ArticleBody';

const render = (blocks: BodyBlock[]) => renderToStaticMarkup(<ArticleBody blocks={blocks} strings={editions.en.strings} />);

describe('the article body', () => {
  it('renders paragraphs with emphasis, strong text and links', () => {
    const html = render([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Seized ' },
          { type: 'emphasis', children: [{ type: 'text', text: 'servers' }] },
          { type: 'text', text: ' and ' },
          { type: 'strong', children: [{ type: 'link', href: 'https://example.com/report', children: [{ type: 'text', text: 'data' }] }] },
        ],
      },
    ]);
    expect(html).toContain('<p>Seized <em>servers</em> and <strong><a href="https://example.com/report" rel="noopener">data</a></strong></p>');
  });

  it('renders subheadings as h2', () => {
    expect(render([{ type: 'subheading', text: 'Broadcasts resumed' }])).toMatch(/<h2[^>]*>Broadcasts resumed<\/h2>/);
  });

  it('renders a pull quote as a blockquote in the edition’s quotation marks, with its attribution in cite', () => {
    const { open, close } = editions.en.strings.quotes;
    const html = render([{ type: 'pullQuote', text: 'Its ability is intact.', attribution: 'Karim Benali' }]);
    expect(html).toMatch(
      new RegExp(
        `<figure[^>]*><blockquote[^>]*><p>${open}Its ability is intact.${close}</p></blockquote><figcaption[^>]*><cite>Karim Benali</cite></figcaption></figure>`,
      ),
    );
    // French sets a narrow no-break space inside its guillemets.
    const french = renderToStaticMarkup(<ArticleBody blocks={[{ type: 'pullQuote', text: 'Intacte.', attribution: 'K. B.' }]} strings={editions.fr.strings} />);
    expect(french).toContain('<p>«\u202FIntacte.\u202F»</p>');
  });

  it('renders an inline image lazily, with its size, caption and credit', () => {
    const html = render([
      {
        type: 'image',
        image: {
          src: '/images/demo/a.jpg',
          alt: 'Server racks',
          width: 1500,
          height: 1000,
          caption: 'Servers seized.',
          credit: 'Lena Hoffmann, Northlight Images',
        },
      },
    ]);
    expect(html).toMatch(/<img[^>]*alt="Server racks"[^>]*loading="lazy"[^>]*width="1500" height="1000"/);
    expect(html).toMatch(
      /<figcaption[^>]*><span class="visually-hidden">Image caption, <\/span>Servers seized.<span[^>]*><span class="visually-hidden">Image credit, <\/span>Lena Hoffmann, Northlight Images<\/span><\/figcaption>/,
    );
  });

  it('renders bullet and numbered lists', () => {
    const html = render([
      { type: 'list', style: 'bullet', items: [[{ type: 'text', text: 'Belgium' }]] },
      { type: 'list', style: 'numbered', items: [[{ type: 'text', text: 'First' }]] },
    ]);
    expect(html).toMatch(/<ul[^>]*><li>Belgium<\/li><\/ul><ol[^>]*><li>First<\/li><\/ol>/);
  });

  it('renders a link with an unsafe address as plain text, and escapes markup in text', () => {
    const html = render([
      {
        type: 'paragraph',
        content: [
          { type: 'link', href: 'javascript:alert(1)', children: [{ type: 'text', text: 'click' }] },
          { type: 'text', text: ' </p><script>alert(1)</script>' },
        ],
      },
    ]);
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<p>click &lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });
});
