import { describe, expect, it } from 'vitest';
import { embedFrameOrigins, frameOriginsOf } from './embed-origins.mjs';
import { parseEmbedUrl } from './embeds';

describe('embeds of other sites’ posts', () => {
  it.each([
    [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10',
      'youtube',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
    ],
    ['https://youtu.be/dQw4w9WgXcQ', 'youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1'],
    ['https://vimeo.com/76979871', 'vimeo', 'https://vimeo.com/76979871', 'https://player.vimeo.com/video/76979871?autoplay=1&dnt=1'],
    [
      'https://twitter.com/Europol/status/989823146234253312',
      'x',
      'https://x.com/Europol/status/989823146234253312',
      'https://platform.twitter.com/embed/Tweet.html?id=989823146234253312&dnt=true',
    ],
    ['https://www.instagram.com/p/BiHW8uJlx0d/', 'instagram', 'https://www.instagram.com/p/BiHW8uJlx0d/', 'https://www.instagram.com/p/BiHW8uJlx0d/embed/'],
    [
      'https://www.tiktok.com/@scout2015/video/6718335390845095173',
      'tiktok',
      'https://www.tiktok.com/@scout2015/video/6718335390845095173',
      'https://www.tiktok.com/embed/v2/6718335390845095173',
    ],
    [
      'https://bsky.app/profile/bsky.app/post/3l6oveex3ii2l',
      'bluesky',
      'https://bsky.app/profile/bsky.app/post/3l6oveex3ii2l',
      'https://embed.bsky.app/embed/bsky.app/app.bsky.feed.post/3l6oveex3ii2l',
    ],
  ])('take %s', (input, provider, url, frameSrc) => {
    const parsed = parseEmbedUrl(input);
    expect(parsed).toMatchObject({ provider, url, frameSrc });
    expect(Object.values(embedFrameOrigins)).toContain(parsed!.frameOrigin);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript://www.youtube.com/%0aalert(1)',
    'http://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
    'https://evil.example/?u=https://youtu.be/dQw4w9WgXcQ',
    'https://www.youtube.com/watch?v=short',
    'https://user:pass@vimeo.com/76979871',
    'https://x.com/Europol',
    'https://example.com/video.mp4',
    'data:text/html,<script>alert(1)</script>',
  ])('refuse %s', (input) => {
    expect(parseEmbedUrl(input)).toBeNull();
  });

  it('open a page’s frame-src only to the known frame origins its cards name', () => {
    const html = '<figure data-frame-origin="https://www.youtube-nocookie.com"></figure><figure data-frame-origin="https://evil.example"></figure>';
    expect(frameOriginsOf(html)).toEqual(['https://www.youtube-nocookie.com']);
  });
});
