// @ts-check
/**
 * The framework's scripts after the first paint (issue 17; docs/decisions/018-framework-after-first-paint.md).
 *
 * React writes Next's bootstrap scripts into the document as `<script src=… async>` in
 * `<head>`, and Next preloads one of them. The browser fetches them while it parses the page
 * and runs each as soon as it arrives: when the network is fast, or the scripts come from its
 * cache, React's code (about 140 KB gzip) runs before the page's first paint and holds it back.
 * Lighthouse's simulated model counts every script that ran before the observed paint towards
 * LCP, at its throttled download and CPU time: that was the article's gap to the framework's
 * floor (docs/performance.md).
 *
 * A page the cache stores is rewritten once, when it is stored: its async scripts, and the
 * preloads of the same files, leave the document, and a small inline script adds the same
 * scripts once the browser has reported the page's first contentful paint (or, where the
 * browser reports no paints, on `load`; and in any case 3 s after `load`, for a page opened
 * in a background tab). Nothing else changes: the scripts keep their order and their `async`,
 * React hydrates the same markup, the islands still wait for `load` and an idle moment
 * (components/islands/deferred.tsx). The page is complete without any of it, as before.
 *
 * Pages rendered for one request (search, not found, a page number) keep Next's own tags:
 * they carry a per-request nonce, and nothing rewrites them.
 */

/** One of React's bootstrap tags, exactly as it writes them (a URL without quotes, markup or entities). */
const asyncScript = /<script src="([^"<>&]+)" async=""><\/script>/g;

/** @param {string} text */
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The loader's element id: loaderSources (the bench, the tests) finds the scripts it names by it. */
export const loaderId = 'boot-after-paint';

/**
 * The loader. Plain ES5: it runs in any browser that reaches the page, before any other script.
 * @param {string[]} sources
 */
function loader(sources) {
  const body = [
    `var s=${JSON.stringify(sources)},d=document,done=0;`,
    'function go(){if(done)return;done=1;for(var i=0;i<s.length;i++){var e=d.createElement("script");e.src=s[i];e.async=true;d.body.appendChild(e)}}',
    'var P=self.PerformanceObserver;',
    'if(P&&P.supportedEntryTypes&&P.supportedEntryTypes.indexOf("paint")>=0)',
    'new P(function(l){if(l.getEntriesByName("first-contentful-paint").length)go()}).observe({type:"paint",buffered:true});',
    'else addEventListener("load",go);',
    'addEventListener("load",function(){setTimeout(go,3000)})',
  ].join('');
  return `<script id="${loaderId}">(function(){${body}})()</script>`;
}

/**
 * The scripts a stored document's loader adds after the first paint; none when it has no loader.
 * The bench and the tests count them with the page's other scripts.
 * @param {string} html
 * @returns {string[]}
 */
export function loaderSources(html) {
  const list = new RegExp(`<script id="${loaderId}">\\(function\\(\\)\\{var s=(\\[[^\\]]*\\])`).exec(html)?.[1];
  return list ? JSON.parse(list) : [];
}

/**
 * The document with its framework scripts loaded after the first paint; the same document when
 * it has none of React's async script tags (or no `</body>`).
 * @param {string} html
 * @returns {string}
 */
export function bootAfterFirstPaint(html) {
  /** @type {string[]} */
  const sources = [];
  let out = html.replace(asyncScript, (_tag, /** @type {string} */ src) => {
    sources.push(src);
    return '';
  });
  if (sources.length === 0 || !out.includes('</body>')) return html;
  for (const src of sources) {
    out = out.replace(new RegExp(`<link rel="preload" as="script"[^>]*? href="${escapeRegExp(src)}"[^>]*>`), '');
  }
  const at = out.lastIndexOf('</body>');
  return `${out.slice(0, at)}${loader(sources)}${out.slice(at)}`;
}
