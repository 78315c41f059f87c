import { describe, expect, it } from 'vitest';
import { responseWithValidator } from './conditional';

describe('a feed or sitemap answer', () => {
  const headers = { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=60' };
  const ask = (ifNoneMatch?: string) => new Request('http://localhost/sitemap.xml', { headers: ifNoneMatch ? { 'If-None-Match': ifNoneMatch } : {} });

  it('carries a validator that follows its body', async () => {
    const first = responseWithValidator(ask(), '<urlset/>', headers);
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('<urlset/>');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[\w-]{27}"$/);
    expect(responseWithValidator(ask(), '<urlset/>', headers).headers.get('etag')).toBe(etag);
    expect(responseWithValidator(ask(), '<urlset><url/></urlset>', headers).headers.get('etag')).not.toBe(etag);
  });

  it('is an empty 304 for an asker who has it, and the whole body for one who has an older one', async () => {
    const etag = responseWithValidator(ask(), '<urlset/>', headers).headers.get('etag')!;
    const unchanged = responseWithValidator(ask(etag), '<urlset/>', headers);
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe('');
    expect(unchanged.headers.get('etag')).toBe(etag);
    expect(unchanged.headers.get('cache-control')).toBe('public, max-age=60');
    const changed = responseWithValidator(ask(etag), '<urlset><url/></urlset>', headers);
    expect(changed.status).toBe(200);
    expect(await changed.text()).toBe('<urlset><url/></urlset>');
  });
});
