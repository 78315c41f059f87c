import { describe, expect, it } from 'vitest';
import { cleanCaptions } from './captions';

const vtt = (text: string) => new TextEncoder().encode(text);

describe('caption files (WebVTT)', () => {
  it('keep their cues and WebVTT’s own spans, and drop comments', () => {
    const cleaned = cleanCaptions(
      vtt('\uFEFFWEBVTT - made by a tool\r\n\r\nNOTE edited by j.doe on laptop-17\r\n\r\n1\r\n00:00.500 --> 00:04.000 align:start\r\n<v Narrator>The ice is <i>thinning</i> &amp; fast.\r\n\r\n00:00:04.500 --> 00:00:07.000\r\nSecond line\r\n'),
    );
    expect(cleaned).toEqual({
      ok: true,
      cues: 2,
      text: 'WEBVTT\n\n1\n00:00.500 --> 00:04.000 align:start\n<v Narrator>The ice is <i>thinning</i> &amp; fast.\n\n00:00:04.500 --> 00:00:07.000\nSecond line\n',
    });
  });

  it('keep an ampersand that is only an ampersand', () => {
    expect(cleanCaptions(vtt('WEBVTT\n\n00:01.000 --> 00:02.000\nSalt & pepper'))).toMatchObject({ ok: true, text: 'WEBVTT\n\n00:01.000 --> 00:02.000\nSalt & pepper\n' });
  });

  it.each([
    ['markup', 'WEBVTT\n\n00:01.000 --> 00:02.000\n<script>alert(1)</script>', /markup/],
    ['an image', 'WEBVTT\n\n00:01.000 --> 00:02.000\n<img src=x onerror=alert(1)>', /markup/],
    ['a stylesheet', 'WEBVTT\n\nSTYLE\n::cue { color: red }\n\n00:01.000 --> 00:02.000\nHello', /STYLE/],
    ['an HTML entity', 'WEBVTT\n\n00:01.000 --> 00:02.000\n&#x3C;b&#x3E;', /character reference/],
    ['a cue ending before it starts', 'WEBVTT\n\n00:05.000 --> 00:02.000\nHello', /ends before/],
    ['a broken timing', 'WEBVTT\n\n00:05 --> soon\nHello', /cue timing/],
    ['no cue at all', 'WEBVTT\n\nNOTE nothing here', /no cue/],
  ])('refuse %s with a 400 that says why', (_name, text, message) => {
    const cleaned = cleanCaptions(vtt(text));
    expect(cleaned.ok).toBe(false);
    if (!cleaned.ok) {
      expect(cleaned.status).toBe(400);
      expect(cleaned.message).toMatch(message);
    }
  });

  it('refuse a file that is not WebVTT (415) or not UTF-8 (400)', () => {
    expect(cleanCaptions(vtt('1\n00:00:01,000 --> 00:00:02,000\nSRT'))).toMatchObject({ ok: false, status: 415 });
    expect(cleanCaptions(new Uint8Array([0x57, 0x45, 0x42, 0x56, 0x54, 0x54, 0x0a, 0xff, 0xfe]))).toMatchObject({ ok: false, status: 400 });
  });
});
