import type { Article } from './article-schema';
import type { MediaFile } from './media-files';
import { mediaStreamId } from './safe-links';
import { mediaPath } from './urls';

/**
 * A story's videos and recordings as crawlers are told of them (JSON-LD, the video sitemap):
 * what each is called, its picture, its file, its length and what is said in it (decision 025).
 * A file the store does not know (yet) is left out rather than described wrongly.
 */
export type StoryMediaItem = {
  kind: 'video' | 'audio';
  name: string;
  description: string;
  /** A path of this site. */
  thumbnail: string | null;
  /** The file a crawler may fetch: the largest rendition once made, else the upload. */
  content: string;
  durationMs: number;
  transcript: string | null;
  lead: boolean;
};

export function storyMedia(article: Pick<Article, 'mainVideo' | 'mainImage' | 'body' | 'standfirst'>, files: Record<string, MediaFile>): StoryMediaItem[] {
  const items: StoryMediaItem[] = [];
  const add = (kind: 'video' | 'audio', block: { src: string; caption: string; transcript?: string }, lead: boolean) => {
    const id = mediaStreamId(block.src);
    const file = id ? files[id] : undefined;
    if (!file || file.durationMs === null) return;
    const best = file.renditionState === 'ready' ? [...file.renditions].sort((a, b) => (b.height ?? 0) - (a.height ?? 0))[0] : undefined;
    items.push({
      kind,
      name: block.caption,
      description: lead ? article.standfirst : block.caption,
      thumbnail: lead ? article.mainImage.src : file.poster,
      content: best ? mediaPath(best.id, best.extension) : block.src,
      durationMs: file.durationMs,
      transcript: block.transcript ?? null,
      lead,
    });
  };
  if (article.mainVideo) add('video', article.mainVideo, true);
  for (const block of article.body) {
    if (block.type === 'video') add('video', block, false);
    if (block.type === 'audio') add('audio', block, false);
  }
  return items;
}
