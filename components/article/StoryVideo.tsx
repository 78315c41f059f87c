import { preload } from 'react-dom';
import type { ArticleImage } from '@/lib/domain/article-schema';
import type { ArticleVideo } from '@/lib/domain/media-blocks';
import type { EditionConfig } from '@/lib/domain/editions';
import type { MediaFile, Rendition } from '@/lib/domain/media-files';
import { mediaStreamId } from '@/lib/domain/safe-links';
import { mediaPath, optimizedImagePath } from '@/lib/domain/urls';
import { MediaCaption } from './MediaCaption';
import { MediaTranscript } from './MediaTranscript';
import styles from './StoryMedia.module.css';

type Props = {
  video: ArticleVideo;
  /** What the store knows of the files it names, by id. */
  files: Record<string, MediaFile>;
  edition: EditionConfig;
  /** The story's lead: its poster is the story's main picture, fetched first (it is the page's largest paint). */
  lead?: { poster: ArticleImage };
};

/** The poster's width: one address (a poster takes no srcset), sharp on a phone, light on a desktop's column. */
const posterWidth = 828;

/** Which rendition a screen of what width plays: the smallest that fills it (decision 025). */
const renditionMedia = (rendition: Rendition, largest: boolean) =>
  largest || !rendition.height ? undefined : rendition.height <= 360 ? '(max-width: 480px)' : rendition.height <= 720 ? '(max-width: 1200px)' : undefined;

/**
 * A video of our own: the browser's own player, `preload="none"` — not a byte of video before
 * the reader presses play — with its poster, its size set so nothing shifts, its captions as
 * tracks (the edition's language on by default when the video speaks another), and its
 * transcript under it.
 */
export function StoryVideo({ video, files, edition, lead }: Props) {
  const { strings } = edition;
  const id = mediaStreamId(video.src);
  const file = id ? files[id] : undefined;
  const width = file?.width ?? lead?.poster.width ?? 16;
  const height = file?.height ?? lead?.poster.height ?? 9;
  const posterSource = lead ? lead.poster.src : file?.poster;
  const poster = posterSource ? optimizedImagePath(posterSource, posterWidth, 70) : undefined;
  if (lead && poster) preload(poster, { as: 'image', fetchPriority: 'high' });
  const renditions = file?.renditionState === 'ready' ? [...file.renditions].sort((a, b) => (a.height ?? 0) - (b.height ?? 0)) : [];
  const spoken = video.language;
  return (
    <div className={lead ? styles.leadFigure : styles.figure}>
      <figure className={styles.player}>
        <video
          className={styles.video}
          controls
          preload="none"
          playsInline
          poster={poster}
          width={width}
          height={height}
          style={{ aspectRatio: `${width} / ${height}` }}
        >
          {renditions.length ? (
            renditions.map((rendition, index) => (
              <source
                key={rendition.id}
                src={mediaPath(rendition.id, rendition.extension)}
                type={rendition.contentType}
                media={renditionMedia(rendition, index === renditions.length - 1)}
              />
            ))
          ) : (
            <source src={video.src} type={file?.contentType ?? 'video/mp4'} />
          )}
          {video.captions.map((track) => (
            <track
              key={track.lang}
              kind="captions"
              src={track.src}
              srcLang={track.lang}
              label={strings.captionLanguageNames[track.lang] ?? track.lang}
              default={track.lang === edition.lang && spoken !== undefined && spoken !== edition.lang}
            />
          ))}
          <a href={video.src}>{strings.mediaFallback}</a>
        </video>
        <MediaCaption
          prefix={strings.videoCaptionPrefix}
          caption={video.caption}
          credit={video.credit}
          durationMs={file?.durationMs ?? null}
          strings={strings}
        />
      </figure>
      {file && file.renditionState === 'pending' ? <p className={styles.processing}>{strings.mediaProcessing}</p> : null}
      {video.transcript ? <MediaTranscript text={video.transcript} summary={strings.transcript} /> : null}
    </div>
  );
}
