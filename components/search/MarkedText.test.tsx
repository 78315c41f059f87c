import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { highlightEnd as e, highlightStart as s } from '@/lib/domain/stories';
import { MarkedText } from './MarkedText';

const render = (text: string) => renderToStaticMarkup(<MarkedText text={text} />);

describe('highlighted search text', () => {
  it('wraps each match in <mark>', () => {
    expect(render(`Police seize ${s}propaganda${e} ${s}servers${e}`)).toBe('Police seize <mark>propaganda</mark> <mark>servers</mark>');
  });

  it('escapes the text around and inside matches', () => {
    expect(render(`<b>${s}</mark><script>${e}`)).toBe('&lt;b&gt;<mark>&lt;/mark&gt;&lt;script&gt;</mark>');
  });

  it('copes with a marker that is never closed', () => {
    expect(render(`a ${s}b`)).toBe('a b');
  });
});
