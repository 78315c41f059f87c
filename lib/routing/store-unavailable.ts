import { editions, type EditionId } from '../domain/editions';
import { publication } from '../domain/site-config';
import { documentWithStylesPolicy } from '../http/security-headers.mjs';

/** The page's only styles, allowed by their hash in its Content-Security-Policy. */
const style = `body{margin:0;font:18px/1.5 Georgia,'Times New Roman',serif;color:#1a1a1a;background:#fff}
main{max-width:36rem;margin:4rem auto;padding:0 1.25rem}
h1{font-size:1.75rem;line-height:1.2;margin:0 0 1rem}
a{color:#0a4a8c}
.brand{font-weight:700;font-size:1.25rem;text-decoration:none;color:#1a1a1a}
`;
const policy = documentWithStylesPolicy([style]);

/**
 * The page a reader gets, with 503, when the content store cannot be reached and the page they
 * asked for is not in the cache. Built here, in the proxy, as one self-contained document: the
 * site's layout reads its navigation from the store, which is exactly what is missing.
 */
export function storeUnavailableResponse(edition: EditionId, requestId: string): Response {
  const { lang, dir, strings } = editions[edition];
  const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const html = `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(strings.storeUnavailableTitle)} | ${escape(publication.name)}</title>
<style>${style}</style>
</head>
<body>
<main>
<p><a class="brand" href="/${edition}">${escape(publication.name)}</a></p>
<h1>${escape(strings.storeUnavailableTitle)}</h1>
<p>${escape(strings.storeUnavailableMessage)}</p>
<p><a href="">${escape(strings.tryAgain)}</a> · <a href="/${edition}">${escape(strings.notFoundBackHome)}</a></p>
</main>
</body>
</html>
`;
  return new Response(html, {
    status: 503,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Retry-After': '30',
      'X-Request-Id': requestId,
      'Content-Security-Policy': policy,
    },
  });
}
