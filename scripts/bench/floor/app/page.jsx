import fs from 'node:fs';
import path from 'node:path';
import Image from 'next/image';

/** The story the bench measures on our site (scripts/bench.ts, `paths.article`), read as text at build time. */
const storyFile = path.join(process.cwd(), '../../../content/en/europe/europol-hits-is-propaganda-servers.md');

function readStory() {
  const [, frontMatter = '', body = ''] = fs.readFileSync(storyFile, 'utf8').split(/^---$/m);
  const field = (/** @type {string} */ name) => new RegExp(`^${name}: (.+)$`, 'm').exec(frontMatter)?.[1]?.trim() ?? '';
  const standfirst = /^standfirst: >-\n((?: {2}.+\n)+)/m.exec(frontMatter)?.[1]?.replace(/\s+/g, ' ').trim() ?? '';
  const blocks = body
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block && !block.startsWith(':::'));
  return { headline: field('headline'), standfirst, alt: field('  alt'), caption: field('  caption'), blocks };
}

/** No client component, no data, no proxy: what Next.js serves for a static page with our story on it. */
export default function Page() {
  const story = readStory();
  return (
    <main>
      <h1>{story.headline}</h1>
      <p>{story.standfirst}</p>
      <figure>
        <Image
          src="/images/demo/europol-headquarters.jpg"
          alt={story.alt}
          width={2000}
          height={1125}
          sizes="(min-width: 64rem) 760px, 100vw"
          quality={70}
          preload
          fetchPriority="high"
          loading="eager"
        />
        <figcaption>{story.caption}</figcaption>
      </figure>
      {story.blocks.map((block, i) => (block.startsWith('## ') ? <h2 key={i}>{block.slice(3)}</h2> : <p key={i}>{block}</p>))}
    </main>
  );
}
