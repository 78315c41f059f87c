import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';

const secret = 'test-secret';
const position = { publishedTs: 1524830700000, id: 'europol-is-propaganda-2018' };

describe('list cursors', () => {
  it('carry a position back to the list that gave them out', () => {
    const cursor = encodeCursor('en/section/europe', position, secret);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(decodeCursor(cursor, 'en/section/europe', secret)).toEqual(position);
  });

  it('are refused when edited, forged, signed with another key or used on another list', () => {
    const cursor = encodeCursor('en/section/europe', position, secret);
    const [payload, signature] = cursor.split('.') as [string, string];
    const edited = Buffer.from(JSON.stringify({ l: 'en/section/europe', t: 1, i: 'x' })).toString('base64url');
    expect(decodeCursor(`${edited}.${signature}`, 'en/section/europe', secret)).toBeNull();
    expect(decodeCursor(`${payload}.${signature.replace(/.$/, signature.endsWith('A') ? 'B' : 'A')}`, 'en/section/europe', secret)).toBeNull();
    expect(decodeCursor(cursor, 'en/section/europe', 'another-secret')).toBeNull();
    expect(decodeCursor(cursor, 'en/tag/europol', secret)).toBeNull();
  });

  it('are refused when they are not cursors at all', () => {
    for (const junk of ['', 'garbage', 'a.b.c', '.', `${'x'.repeat(600)}.y`, 'eyJ9.AAAAAAAAAAAAAAAAAAAAAA']) {
      expect(decodeCursor(junk, 'en', secret), junk).toBeNull();
    }
  });
});
