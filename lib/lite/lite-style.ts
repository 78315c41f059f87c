/**
 * The lite page's whole stylesheet, inline (issue 31): the system's own faces, a readable
 * measure, lists without bullets where they are navigation, light and dark, and nothing that
 * needs a file. Logical properties only, so the Arabic edition's right-to-left needs no rule of
 * its own.
 */
export const liteStylesheet = [
  ':root{color-scheme:light dark;--fg:#161616;--bg:#fff;--muted:#555;--link:#0b4f8a;--rule:#ddd}',
  '@media (prefers-color-scheme:dark){:root{--fg:#eee;--bg:#121212;--muted:#aaa;--link:#8cc4ff;--rule:#333}}',
  'body{margin:0 auto;max-inline-size:40rem;padding:.75rem;font:1rem/1.55 system-ui,sans-serif;color:var(--fg);background:var(--bg)}',
  'a{color:var(--link)}h1{font-size:1.5rem;line-height:1.25}h2{font-size:1.2rem}h3{font-size:1.05rem}',
  // Links in lists of links are at least 24 px tall, a gap apart (WCAG 2.2's target size).
  'header,footer,nav{font-size:.9rem}nav ul,nav ol,footer ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}',
  'nav a,footer a{display:inline-block;padding-block:.25rem}',
  'header ul{list-style:none;padding:0}figure{margin:1rem 0}figcaption>span:last-child{display:block}figcaption,time,.lite-notice{color:var(--muted);font-size:.875rem}',
  'blockquote{margin:1rem 0;padding-inline-start:.75rem;border-inline-start:3px solid var(--rule)}',
  'footer{border-block-start:1px solid var(--rule);margin-block-start:2rem}summary{cursor:pointer}input{font:inherit;max-inline-size:60%}',
  '.visually-hidden{position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}',
  '@media print{.lite-notice,nav,form{display:none}}',
].join('');
