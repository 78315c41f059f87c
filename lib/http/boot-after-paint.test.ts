import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { bootAfterFirstPaint, loaderId, loaderSources } from './boot-after-paint.mjs';
import { inlineScriptHashes } from './security-headers.mjs';

/** A document as React and Next write it: async bootstrap scripts in <head>, one preloaded. */
const page = [
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/main.js"/>',
  '<style data-precedence="next">p{margin:0}</style>',
  '<script src="/_next/static/chunks/react.js" async=""></script>',
  '<script src="/_next/static/chunks/turbopack-runtime.js" async=""></script>',
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script></head>',
  '<body><h1>Headline</h1><script type="application/ld+json">{"@type":"NewsArticle"}</script>',
  '<script id="_R_">(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push({})</script>',
  '<script src="/_next/static/chunks/main.js" async=""></script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script></body></html>',
].join('');

const framework = ['/_next/static/chunks/react.js', '/_next/static/chunks/turbopack-runtime.js', '/_next/static/chunks/main.js'];

/** Runs the loader in a small stand-in for a browser: what it appends, and when. */
function runLoader(html: string, options: { paintTimings: boolean }) {
  const script = new RegExp(`<script id="${loaderId}">([\\s\\S]*?)</script>`).exec(html)?.[1];
  if (!script) throw new Error('no loader in the document');
  const appended: string[] = [];
  const listeners: Record<string, (() => void)[]> = {};
  const timers: (() => void)[] = [];
  let observer: ((list: { getEntriesByName(name: string): unknown[] }) => void) | undefined;
  class PerformanceObserver {
    static supportedEntryTypes = options.paintTimings ? ['paint', 'resource'] : ['resource'];
    constructor(callback: typeof observer) {
      observer = callback;
    }
    observe() {}
  }
  const document = {
    createElement: () => ({ src: '', async: false }),
    body: { appendChild: (element: { src: string; async: boolean }) => appended.push(`${element.src}${element.async ? ' async' : ''}`) },
  };
  const context = {
    document,
    self: { PerformanceObserver },
    addEventListener: (type: string, listener: () => void) => (listeners[type] ??= []).push(listener),
    setTimeout: (callback: () => void) => timers.push(callback),
  };
  vm.runInNewContext(script, context);
  return {
    appended,
    paint: (name: string) => observer?.({ getEntriesByName: (wanted) => (wanted === name ? [{}] : []) }),
    load: () => listeners.load?.forEach((listener) => listener()),
    timers,
  };
}

describe("the framework's scripts after the first paint", () => {
  it('takes the async scripts and their preloads out of the document, and adds a loader for them before </body>', () => {
    const html = bootAfterFirstPaint(page);
    expect(html).not.toMatch(/<script src="[^"]*" async="">/);
    expect(html).not.toContain('rel="preload" as="script"');
    expect(loaderSources(html)).toEqual(framework);
    expect(loaderSources(page)).toEqual([]);
    expect(html).toMatch(new RegExp(`<script id="${loaderId}">[^]*?</script></body></html>$`));
    // Everything else stays as it was: the page, its style, its data, the nomodule polyfill.
    for (const kept of [
      '<h1>Headline</h1>',
      '<style data-precedence="next">p{margin:0}</style>',
      'noModule=""',
      'application/ld+json',
      '<script id="_R_">',
      'self.__next_f',
    ]) {
      expect(html).toContain(kept);
    }
  });

  it('changes nothing in a document without async scripts, or without </body>, and nothing the second time', () => {
    const plain = '<!DOCTYPE html><html><head></head><body><p>Text</p></body></html>';
    expect(bootAfterFirstPaint(plain)).toBe(plain);
    const cut = page.replace('</body></html>', '');
    expect(bootAfterFirstPaint(cut)).toBe(cut);
    const once = bootAfterFirstPaint(page);
    expect(bootAfterFirstPaint(once)).toBe(once);
  });

  it('adds the scripts, in order and async, once the first contentful paint is reported, and only once', () => {
    const browser = runLoader(bootAfterFirstPaint(page), { paintTimings: true });
    browser.paint('first-paint');
    browser.load();
    expect(browser.appended).toEqual([]);
    browser.paint('first-contentful-paint');
    expect(browser.appended).toEqual(framework.map((src) => `${src} async`));
    browser.paint('first-contentful-paint');
    for (const timer of browser.timers) timer();
    expect(browser.appended).toHaveLength(framework.length);
  });

  it('adds them on load in a browser that reports no paints, and 3 s after load in any case (a background tab paints nothing)', () => {
    const noPaints = runLoader(bootAfterFirstPaint(page), { paintTimings: false });
    expect(noPaints.appended).toEqual([]);
    noPaints.load();
    expect(noPaints.appended).toEqual(framework.map((src) => `${src} async`));

    const hidden = runLoader(bootAfterFirstPaint(page), { paintTimings: true });
    hidden.load();
    expect(hidden.appended).toEqual([]);
    for (const timer of hidden.timers) timer();
    expect(hidden.appended).toEqual(framework.map((src) => `${src} async`));
  });

  it('is an inline script the page policy allows by its hash', () => {
    const html = bootAfterFirstPaint(page);
    const loader = new RegExp(`<script id="${loaderId}">([\\s\\S]*?)</script>`).exec(html)?.[1] ?? '';
    expect(inlineScriptHashes(html)).toHaveLength(3);
    expect(inlineScriptHashes(html)).toEqual(expect.arrayContaining(inlineScriptHashes(`<script>${loader}</script>`)));
  });
});
