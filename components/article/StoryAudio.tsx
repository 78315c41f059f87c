import type { AudioBlock } from '@/lib/domain/media-blocks';
import type { EditionConfig } from '@/lib/domain/editions';
import type { MediaFile } from '@/lib/domain/media-files';
import { mediaStreamId } from '@/lib/domain/safe-links';
import { mediaPath } from '@/lib/domain/urls';
import { MediaCaption } from './MediaCaption';
import { MediaTranscript } from './MediaTranscript';
import styles from './StoryMedia.module.css';

/** A recording: the browser's own player, nothing fetched before play, its loudness-normalised rendition once made, and its transcript. */
export function StoryAudio({ audio, files, edition }: { audio: AudioBlock; files: Record<string, MediaFile>; edition: EditionConfig }) {
  const { strings } = edition;
  const id = mediaStreamId(audio.src);
  const file = id ? files[id] : undefined;
  const rendition = file?.renditionState === 'ready' ? file.renditions[0] : undefined;
  return (
    <div className={styles.figure}>
      <figure className={styles.player}>
        <audio className={styles.audio} controls preload="none">
          {rendition ? <source src={mediaPath(rendition.id, rendition.extension)} type={rendition.contentType} /> : null}
          <source src={audio.src} type={file?.contentType ?? 'audio/mpeg'} />
          <a href={audio.src}>{strings.mediaFallback}</a>
        </audio>
        <MediaCaption
          prefix={strings.audioCaptionPrefix}
          caption={audio.caption}
          credit={audio.credit}
          durationMs={file?.durationMs ?? null}
          strings={strings}
        />
      </figure>
      {audio.transcript ? <MediaTranscript text={audio.transcript} summary={strings.transcript} /> : null}
    </div>
  );
}
