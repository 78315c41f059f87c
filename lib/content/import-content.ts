import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { isMap, LineCounter, parseDocument } from 'yaml';
import { ContentConflictError } from '../store/store-errors';
import { writeContent, type WriteSummary } from '../store/write-content';
import type { Db } from '../store/database';
import { SectionSchema, type Article, type Section } from '../domain/article-schema';
import { localImagePath } from '../domain/safe-links';
import { isRelativePictureSource, parseArticleMarkdown, type ContentIssue, type ImageDimensionsLookup, type MediaFileLookup } from './markdown-article';
import { makeWorkDir, mediaFileMaxBytes, mediaKindOfName, mediaToolsInstalled, takeInMediaFile, type MediaFileKind } from './media-files';
import { cleanPicture, mediaMaxBytes } from './media';
import { getMediaInfo, type MediaRecord } from '../store/media';
import { mediaId } from '../domain/safe-links';
import { mediaPath } from '../domain/urls';

/**
 * Imports a folder (or a single file) of content into the store: every `*.md` is a story,
 * every `sections.yml` lists an edition's sections. Everything is read and validated first;
 * the store is written only when every file is good, in one transaction.
 */

export class ContentImportError extends Error {
  constructor(readonly issues: ContentIssue[]) {
    super(`content import failed:\n${issues.map(formatIssue).join('\n')}`);
    this.name = 'ContentImportError';
  }
}

export function formatIssue(issue: ContentIssue): string {
  const where = issue.line ? `${issue.file}:${issue.line}` : issue.file;
  return `${where}${issue.field ? ` [${issue.field}]` : ''}: ${issue.message}`;
}

export type ImportOptions = {
  /** Where `/images/...` sources are looked up (default: ./public). */
  publicDir?: string;
  /** Pictures a story names by a relative path are looked for beside it, then here (default: `media/` in the folder imported). */
  mediaDir?: string;
  /** File names in issues are shown relative to this folder (default: the working directory). */
  relativeTo?: string;
  /**
   * Where ffmpeg is not installed, videos and recordings cannot be checked: refuse them (an
   * editor's import), or leave them out of the stories (the demo, seeded on a machine without
   * ffmpeg, keeps its text and pictures).
   */
  withoutMediaTools?: 'refuse' | 'skip';
};

export type ImportReport = WriteSummary & { files: number };

export async function importContent(db: Db, target: string, options: ImportOptions = {}): Promise<ImportReport> {
  const publicDir = path.resolve(/*turbopackIgnore: true*/ options.publicDir ?? 'public');
  const relativeTo = options.relativeTo ?? process.cwd();
  const display = (file: string) => path.relative(relativeTo, file) || file;
  const root = path.resolve(target);
  const rootDir = (await fs.stat(root).catch(() => null))?.isDirectory() ? root : path.dirname(root);
  const mediaDir = path.resolve(options.mediaDir ?? path.join(rootDir, 'media'));
  const pictures = importedPictures(db, { publicDir, mediaDir, within: rootDir });
  const mediaFiles = importedMediaFiles(db, {
    mediaDir,
    within: rootDir,
    withoutTools: options.withoutMediaTools ?? 'refuse',
  });

  const files = await listContentFiles(root).catch((error: NodeJS.ErrnoException) => {
    throw new ContentImportError([{ file: target, message: error.code === 'ENOENT' ? 'no such file or folder' : error.message }]);
  });
  if (files.length === 0) throw new ContentImportError([{ file: target, message: 'no .md stories or sections.yml files found' }]);

  const issues: ContentIssue[] = [];
  const sections: Section[] = [];
  const articles: Article[] = [];
  const fileOfArticle = new Map<string, string>();

  for (const file of files) {
    const source = await fs.readFile(file, 'utf8');
    if (path.basename(file) === 'sections.yml') {
      const parsed = parseSectionsFile(source, display(file));
      if (parsed.ok) sections.push(...parsed.sections);
      else issues.push(...parsed.issues);
      continue;
    }
    const parsed = await parseArticleMarkdown(source, display(file), pictures.lookupFor(file), mediaFiles.lookupFor(file));
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      continue;
    }
    const other = fileOfArticle.get(parsed.article.id);
    if (other) {
      issues.push({ file: display(file), field: 'id', message: `id "${parsed.article.id}" is also used by ${other}` });
      continue;
    }
    fileOfArticle.set(parsed.article.id, display(file));
    articles.push(parsed.article);
  }
  if (issues.length) throw new ContentImportError(issues);

  try {
    const summary = await writeContent(db, { sections, articles, media: pictures.taken() });
    return { ...summary, files: files.length };
  } catch (error) {
    if (error instanceof ContentConflictError) {
      throw new ContentImportError([{ file: fileOfArticle.get(error.articleId) ?? target, message: error.message }]);
    }
    throw error;
  }
}

async function listContentFiles(target: string): Promise<string[]> {
  const stat = await fs.stat(target);
  if (stat.isFile()) return [target];
  const entries = await fs.readdir(target, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && (e.name.endsWith('.md') || e.name === 'sections.yml'))
    .map((e) => path.join(e.parentPath, e.name));
  // Sections first, so that a run can add a section and its first stories together.
  return files.sort((a, b) => Number(b.endsWith('sections.yml')) - Number(a.endsWith('sections.yml')) || a.localeCompare(b));
}

type ParsedSections = { ok: true; sections: Section[] } | { ok: false; issues: ContentIssue[] };

/** `sections.yml`: `edition: en` and `sections:` — a list of slug, name and description. */
function parseSectionsFile(source: string, file: string): ParsedSections {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({ file, line: lineCounter.linePos(e.pos[0]).line, message: `not valid YAML: ${e.message.split('\n')[0]}` })),
    };
  }
  if (!isMap(doc.contents)) return { ok: false, issues: [{ file, line: 1, message: 'expected "edition:" and "sections:"' }] };
  const data = doc.toJS() as { edition?: unknown; sections?: unknown };
  if (!Array.isArray(data.sections)) return { ok: false, issues: [{ file, field: 'sections', message: 'must be a list' }] };
  const issues: ContentIssue[] = [];
  const sections: Section[] = [];
  data.sections.forEach((entry: unknown, index: number) => {
    const result = SectionSchema.safeParse({ edition: data.edition, ...(entry as object) });
    if (result.success) sections.push(result.data);
    else {
      const node = doc.getIn(['sections', index], true) as { range?: [number, number, number] } | undefined;
      for (const zodIssue of result.error.issues) {
        issues.push({
          file,
          line: node?.range ? lineCounter.linePos(node.range[0]).line : undefined,
          field: zodIssue.path[0] === 'edition' ? 'edition' : `sections.${index}.${zodIssue.path.join('.')}`,
          message: zodIssue.message,
        });
      }
    }
  });
  return issues.length ? { ok: false, issues } : { ok: true, sections };
}

/**
 * The pictures of an import (decision 015): `/images/…` from public/, `/media/…` already
 * uploaded, and files named relative to a story — beside it, or in the media folder — taken in
 * through the same checks and cleaning as an upload. What is taken in is written with the
 * stories, in their transaction: all of it or none of it.
 */
function importedPictures(db: Db, options: { publicDir: string; mediaDir: string; within: string }) {
  const publicLookup = imageDimensionsFrom(options.publicDir);
  const taken = new Map<string, MediaRecord>();
  const byFile = new Map<string, Promise<{ width: number; height: number; src: string } | { problem: string }>>();

  const takeIn = (file: string, src: string) => {
    let pending = byFile.get(file);
    if (!pending) {
      pending = (async () => {
        const stat = await fs.stat(file);
        if (stat.size > mediaMaxBytes()) return { problem: `${src}: the picture is larger than ${mediaMaxBytes()} bytes (MEDIA_MAX_BYTES)` };
        const cleaned = await cleanPicture(new Uint8Array(await fs.readFile(file)));
        if (!cleaned.ok) return { problem: `${src}: ${cleaned.message}` };
        taken.set(cleaned.record.id, cleaned.record);
        return { width: cleaned.record.width, height: cleaned.record.height, src: mediaPath(cleaned.record.id, cleaned.record.extension) };
      })();
      byFile.set(file, pending);
    }
    return pending;
  };

  return {
    taken: () => [...taken.values()],
    lookupFor(storyFile: string): ImageDimensionsLookup {
      return async (src) => {
        if (src.startsWith('/images/')) return publicLookup(src);
        const id = mediaId(src);
        if (id) {
          const known = taken.get(id) ?? (await getMediaInfo(db, [id])).get(id);
          return known && src === mediaPath(known.id, known.extension) ? { width: known.width, height: known.height, src } : null;
        }
        if (!isRelativePictureSource(src)) return null;
        if (!/\.(jpe?g|png|webp|avif)$/i.test(src)) return { problem: `${src}: a picture must be a .jpg, .png, .webp or .avif file` };
        const file = await fileBesideStory(src, storyFile, options);
        return file ? takeIn(file, src) : null;
      };
    },
  };
}

/**
 * The videos, recordings and captions of an import (decision 025), named relative to a story —
 * beside it, or in the media folder — taken in through the same checks and cleaning as an
 * upload, and stored as they are found (each whole or not at all; a file no story ends up
 * using is harmless, and the next import of the same file finds it stored).
 */
function importedMediaFiles(db: Db, options: { mediaDir: string; within: string; withoutTools: 'refuse' | 'skip' }) {
  const byFile = new Map<string, Promise<{ src: string } | { problem: string }>>();
  let tools: Promise<boolean> | undefined;
  const takeIn = (file: string, src: string, kind: MediaFileKind) => {
    let pending = byFile.get(file);
    if (!pending) {
      pending = (async () => {
        const stat = await fs.stat(file);
        if (stat.size > mediaFileMaxBytes(kind)) return { problem: `${src}: the file is larger than ${mediaFileMaxBytes(kind)} bytes` };
        const workDir = await makeWorkDir();
        try {
          const outcome = await takeInMediaFile(db, kind, file, workDir);
          return outcome.ok ? { src: mediaPath(outcome.stored.id, outcome.stored.extension) } : { problem: `${src}: ${outcome.message}` };
        } finally {
          await fs.rm(workDir, { recursive: true, force: true });
        }
      })();
      byFile.set(file, pending);
    }
    return pending;
  };
  return {
    lookupFor(storyFile: string): MediaFileLookup {
      return async (src) => {
        const kind = mediaKindOfName(src);
        if (!kind) return { problem: `${src}: a video must be .mp4, .mov or .webm; a recording .mp3, .m4a or .wav; captions .vtt` };
        if (!(await (tools ??= mediaToolsInstalled()))) {
          if (options.withoutTools === 'skip') return { skip: true };
          return { problem: `${src}: video and audio need ffmpeg (apt-get install ffmpeg)` };
        }
        const file = await fileBesideStory(src, storyFile, options);
        return file ? takeIn(file, src, kind) : null;
      };
    },
  };
}

/**
 * A file a story names by a relative path (percent-encoded where needed): beside the story, then
 * in the media folder, never outside the folder imported or the media folder. Null when there is none.
 */
async function fileBesideStory(src: string, storyFile: string, options: { mediaDir: string; within: string }): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(src);
  } catch {
    return null;
  }
  const inside = (file: string, folder: string) => file.startsWith(folder + path.sep);
  for (const folder of [path.dirname(storyFile), options.mediaDir]) {
    const file = path.resolve(folder, decoded);
    if (!inside(file, options.within) && !inside(file, options.mediaDir)) continue;
    if ((await fs.stat(file).catch(() => null))?.isFile()) return file;
  }
  return null;
}

/** Reads image sizes from the files under `publicDir`, refusing paths that leave it. */
export function imageDimensionsFrom(publicDir: string): ImageDimensionsLookup {
  return async (src) => {
    const local = localImagePath(src);
    if (!local) return null;
    const file = path.resolve(publicDir, `.${local}`);
    if (!file.startsWith(publicDir + path.sep)) return null;
    try {
      const { width, height } = await sharp(file).metadata();
      return width && height ? { width, height } : null;
    } catch {
      return null;
    }
  };
}
