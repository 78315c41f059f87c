import { z } from 'zod';
import { editionIds, getEdition } from './editions';
import { embedProviderNames, parseEmbedUrl } from './embeds';
import { mediaStreamId } from './safe-links';
import { text } from './text-field';

/**
 * The story blocks that play something (decision 025): a video of our own, a recording, and a
 * post or clip from another site. Part of the article schema (article-schema.ts).
 */

/** Characters of a video's or a recording's transcript: an hour of speech is about 50,000. */
const transcriptLimit = 100_000;

/** An uploaded file's address of one of the given extensions, as POST /api/v1/media answered it. */
const mediaFileSource = (what: string, extensions: string[]) =>
  z
    .string()
    .max(2048)
    .refine(
      (src) => mediaStreamId(src) !== null && extensions.includes(src.split('.').pop()!),
      `must be ${what} uploaded to /api/v1/media, as its answer gives it: /media/{id}.${extensions.join(' or .')}`,
    );

/** Plain text, paragraphs separated by blank lines: what was said, for readers who cannot listen and for crawlers. */
const transcript = text(transcriptLimit);

/** The languages captions may be in: an edition's. */
const captionLanguages = [...new Set(editionIds.map((id) => getEdition(id).lang))] as [string, ...string[]];

const CaptionTrackSchema = z
  .object({
    src: mediaFileSource('a WebVTT caption file', ['vtt']),
    lang: z.enum(captionLanguages, { message: `must be an edition's language: ${captionLanguages.join(', ')}` }),
  })
  .strict();

/** A video of our own, uploaded: what the player, its captions and its transcript need. */
const videoFields = {
  src: mediaFileSource('a video', ['mp4', 'mov', 'webm']),
  caption: text(600),
  credit: text(200),
  captions: z
    .array(CaptionTrackSchema)
    .max(captionLanguages.length)
    .default([])
    .refine((tracks) => new Set(tracks.map((t) => t.lang)).size === tracks.length, 'holds two caption files in one language'),
  transcript: transcript.optional(),
  /** The language spoken, when there is speech: captions in the reader's edition are on by default where it differs. */
  language: z.enum(captionLanguages, { message: `must be an edition's language: ${captionLanguages.join(', ')}` }).optional(),
};
export const VideoSchema = z.object(videoFields).strict();
export const VideoBlockSchema = z.object({ type: z.literal('video'), ...videoFields }).strict();
export const AudioBlockSchema = z
  .object({
    type: z.literal('audio'),
    src: mediaFileSource('a recording', ['mp3', 'm4a', 'wav']),
    caption: text(600),
    credit: text(200),
    transcript: transcript.optional(),
  })
  .strict();
/** A post or a clip from another site, shown as a link card until the reader asks for it (decision 025). */
export const EmbedBlockSchema = z
  .object({
    type: z.literal('embed'),
    url: z
      .string()
      .max(2048)
      .refine((url) => parseEmbedUrl(url) !== null, `must be the https address of a post or clip on ${embedProviderNames.join(', ')}`),
    caption: text(600).optional(),
  })
  .strict();

export type ArticleVideo = z.output<typeof VideoSchema>;
export type AudioBlock = z.output<typeof AudioBlockSchema>;
export type EmbedBlock = z.output<typeof EmbedBlockSchema>;

/** A live update holds no video, recording or embed: its blocks are also drawn in the browser, where the players' data is not. */
export function refuseMediaInLiveUpdate(type: string, path: (string | number)[], ctx: z.RefinementCtx): void {
  if (type === 'video' || type === 'audio' || type === 'embed')
    ctx.addIssue({ code: 'custom', path, message: `a live update holds text, pictures, quotes and lists; put the ${type} in the story's body` });
}
