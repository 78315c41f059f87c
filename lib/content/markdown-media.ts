import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { BodyBlockInput } from '../domain/article-schema';

/**
 * Videos, recordings and their captions in a Markdown story (decision 025): the directives that
 * write them, and the files they name relative to the story, resolved to the addresses the
 * import stored them at (markdown-article.ts runs both).
 */

/** A picture (or a video, a recording, captions) named by a path relative to the story's file (`photo.jpg`, `./photo.jpg`, `../media/photo.jpg`). */
export const isRelativePictureSource = (src: string) => !src.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(src);

/**
 * The schema's own input types, with every value the writer typed allowed to be missing or of
 * the wrong kind: the converter hands them over as written, and the schema says what is wrong,
 * naming the field. A block the schema changes fails compilation here, not at run time.
 */
export type Unchecked<T> = T extends string
  ? T | undefined
  : T extends number
    ? T | string | undefined
    : T extends readonly (infer U)[]
      ? Unchecked<U>[]
      : T extends object
        ? { [K in keyof T]: Unchecked<T[K]> }
        : T;
type BlockInput = Unchecked<BodyBlockInput>;

/**
 * Finds a video, recording or caption file a story names by a relative path (decision 025):
 * the address the import stored it at, a problem with it, or null when there is no such file.
 */
export type MediaFileLookup = (src: string) => Promise<{ src: string } | { problem: string } | { skip: true } | null>;

/**
 * `:::video[Caption]{src=clip.mp4 credit="…" captions-en=clip.en.vtt}` and `:::audio[…]{…}`:
 * the label is the caption; the paragraphs inside, the transcript.
 */
export function convertMediaDirective(node: ContainerDirective): BlockInput {
  const attributes = node.attributes ?? {};
  const [first, ...others] = node.children;
  const labelled = first && first.type === 'paragraph' && (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel;
  const caption = labelled ? toString(first).trim() : undefined;
  const transcript = (labelled ? others : node.children)
    .map((child) => toString(child).trim())
    .filter(Boolean)
    .join('\n\n');
  const common = {
    src: attributes.src ?? undefined,
    caption: caption || undefined,
    credit: attributes.credit ?? undefined,
    ...(transcript ? { transcript } : {}),
  };
  if (node.name === 'audio') return { type: 'audio', ...common };
  const captions = Object.entries(attributes)
    .filter(([key, value]) => key.startsWith('captions-') && value)
    .map(([key, value]) => ({ src: value ?? undefined, lang: key.slice('captions-'.length) }));
  return { type: 'video', ...common, captions };
}


/**
 * Resolves the relative files of a story's videos, recordings and captions (body blocks and
 * `mainVideo`), reporting those not found. A lookup may say to leave the media out (the import
 * where ffmpeg is not installed): the block, or the lead video, is dropped, and the story keeps
 * its text and pictures.
 */
export async function resolveMediaSources(story: {
  body: BlockInput[];
  blockLines: number[];
  frontMatter: Record<string, unknown>;
  lookupMedia: MediaFileLookup;
  report: (message: string, field: string, line?: number) => void;
  lineOf: (field: string[]) => number;
}): Promise<void> {
  const { body, blockLines, frontMatter, lookupMedia, report } = story;
  const skip = Symbol('skip');
  const resolve = async (src: unknown, field: string, line?: number): Promise<unknown> => {
    if (typeof src !== 'string' || !isRelativePictureSource(src)) return src;
    const found = await lookupMedia(src);
    if (found && 'skip' in found) return skip;
    if (found && 'src' in found) return found.src;
    report(found?.problem ?? `file not found: ${src} (looked beside the story and in the content's media/ folder)`, field, line);
    return src;
  };
  for (let index = body.length - 1; index >= 0; index--) {
    const block = body[index]!;
    if (block.type !== 'video' && block.type !== 'audio') continue;
    const sources = [await resolve(block.src, `body.${index}.src`, blockLines[index])];
    block.src = sources[0] as string;
    if (block.type === 'video') {
      for (const track of block.captions ?? []) {
        if (!track) continue;
        const resolved = await resolve(track.src, `body.${index}.captions`, blockLines[index]);
        sources.push(resolved);
        track.src = resolved as string;
      }
    }
    if (sources.includes(skip)) {
      body.splice(index, 1);
      blockLines.splice(index, 1);
    }
  }
  if (frontMatter.mainVideo && typeof frontMatter.mainVideo === 'object') {
    const video = frontMatter.mainVideo as { src?: unknown; captions?: { src?: unknown }[] };
    const sources = [await resolve(video.src, 'mainVideo.src', story.lineOf(['mainVideo', 'src']))];
    video.src = sources[0];
    if (Array.isArray(video.captions)) {
      for (const track of video.captions) {
        if (!track || typeof track !== 'object') continue;
        track.src = await resolve(track.src, 'mainVideo.captions', story.lineOf(['mainVideo', 'captions']));
        sources.push(track.src);
      }
    }
    if (sources.includes(skip)) delete frontMatter.mainVideo;
  }
}
