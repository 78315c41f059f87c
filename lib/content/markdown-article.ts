import type { BlockContent, DefinitionContent, List, PhrasingContent, Root, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { isMap, LineCounter, parseDocument } from 'yaml';
import { lineOfField } from './front-matter-lines';
import { convertMediaDirective, isRelativePictureSource, resolveMediaSources, type MediaFileLookup, type Unchecked } from './markdown-media';

export { isRelativePictureSource, type MediaFileLookup };
import { ArticleSchema, type Article, type BodyBlock, type BodyBlockInput, type ImageInput, type InlineRunInput, type LiveUpdateInput } from '../domain/article-schema';

/**
 * Reads one story written as Markdown with YAML front matter (the syntax is documented in the
 * README, "Writing a story"). Front matter carries the fields of the article schema; the body
 * is Markdown with two directives:
 *
 *   ::image[Caption]{src=/images/x.jpg alt="What the photo shows" credit="Photographer, Agency"}
 *   (with kind=illustration for a drawing: credited as an illustration)
 *   :::pullquote{attribution="Who said it"}
 *   The quoted words.
 *   :::
 *
 * A live story (`live: true`) adds its updates after the body, each a container of blocks:
 *
 *   ::::update{at="2018-05-06T21:40:00+03:00" title="Counting begins"}
 *   Paragraphs, ## subheadings, lists, ::image and :::pullquote, as in a body.
 *   ::::
 *
 * Every problem comes back as an issue naming the file, the line where one is known, and the
 * field — never as a thrown parser error.
 */

export type ContentIssue = { file: string; line?: number; field?: string; message: string };

export type ParsedArticle = { ok: true; article: Article } | { ok: false; issues: ContentIssue[] };

/**
 * Finds a picture a story names: its pixel size, and — for a picture taken in by the import
 * (a file beside the story, decision 015) — the address it is served at (`src`); a problem
 * with it; or null when there is no such picture.
 */
export type ImageDimensionsLookup = (src: string) => Promise<{ width: number; height: number; src?: string } | { problem: string } | null>;



type BlockInput = Unchecked<BodyBlockInput>;
type RunInput = Unchecked<InlineRunInput>;
type UpdateInput = Unchecked<LiveUpdateInput>;
type ImageFields = Unchecked<ImageInput>;

/**
 * How a writer makes each kind of block the schema knows, in Markdown. Keyed by the schema's
 * block types: a block type added to the schema does not compile until it is written here (and
 * converted below).
 */
const blockSyntax: Record<BodyBlock['type'], string> = {
  paragraph: 'paragraphs',
  subheading: '## subheadings',
  list: 'lists',
  image: '::image',
  pullQuote: ':::pullquote',
  video: ':::video',
  audio: ':::audio',
  embed: '::embed',
};
const supportedBlocks = Object.values(blockSyntax).join(', ');

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkDirective);

export async function parseArticleMarkdown(
  source: string,
  file: string,
  lookupImage: ImageDimensionsLookup,
  lookupMedia: MediaFileLookup = async () => null,
): Promise<ParsedArticle> {
  const issues: ContentIssue[] = [];
  const issue = (message: string, line?: number, field?: string) => issues.push({ file, line, field, message });

  const tree = parser.parse(source) as Root;
  const [first, ...rest] = tree.children;
  if (!first || first.type !== 'yaml') {
    issue('the file must start with YAML front matter between two lines of ---', 1);
    return { ok: false, issues };
  }

  // Front matter: YAML 1.2 core schema, so `2018-04-27T14:05:00+02:00` stays a string with its zone.
  const frontMatterLine = first.position?.start.line ?? 1;
  const lineCounter = new LineCounter();
  const doc = parseDocument(first.value, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const yamlLine = (offset: number) => frontMatterLine + lineCounter.linePos(offset).line;
  for (const error of doc.errors) issue(`front matter is not valid YAML: ${error.message.split('\n')[0]}`, yamlLine(error.pos[0]));
  if (issues.length) return { ok: false, issues };
  if (!isMap(doc.contents)) {
    issue('front matter must be a list of fields (key: value)', frontMatterLine);
    return { ok: false, issues };
  }
  const frontMatter = doc.toJS() as Record<string, unknown>;
  if ('body' in frontMatter) issue('the body is the Markdown after the front matter, not a field', lineOfField(doc, ['body'], yamlLine), 'body');
  // A byline may be written as plain names.
  if (Array.isArray(frontMatter.authors)) {
    frontMatter.authors = frontMatter.authors.map((a: unknown) => (typeof a === 'string' ? { name: a } : a));
  }

  const blockLines: number[] = [];
  const body: BlockInput[] = [];
  const updates: UpdateInput[] = [];
  const updateLines: number[] = [];
  let bodyHasIssues = false;
  for (const node of rest) {
    const line = node.position?.start.line;
    if (node.type === 'containerDirective' && node.name === 'update') {
      if (!node.attributes?.at) {
        bodyHasIssues = true;
        issue('an update needs its time, e.g. ::::update{at="2018-05-06T21:40:00+03:00"}', line, 'updates');
        continue;
      }
      const update = await convertUpdate(node, lookupImage, (message, at) => {
        bodyHasIssues = true;
        issue(message, at ?? line, 'updates');
      });
      updates.push(update);
      updateLines.push(line ?? frontMatterLine);
      continue;
    }
    const converted = await convertBlock(node, lookupImage, (message, at) => {
      bodyHasIssues = true;
      issue(message, at ?? line, 'body');
    });
    for (const block of converted) {
      body.push(block);
      blockLines.push(line ?? frontMatterLine);
    }
  }

  // The main image may also leave its size to the file.
  let mainImageMissing = false;
  if (frontMatter.mainImage && typeof frontMatter.mainImage === 'object') {
    const image = frontMatter.mainImage as ImageFields;
    const problem = await completeImageSize(image, lookupImage);
    if (problem) {
      mainImageMissing = true;
      issue(problem, lineOfField(doc, ['mainImage', 'src'], yamlLine) ?? frontMatterLine, 'mainImage.src');
    }
  }

  // Videos, recordings and captions named relative to the story: the address the import stored them at.
  await resolveMediaSources({
    body,
    blockLines,
    frontMatter,
    lookupMedia,
    report: (message, field, line) => issue(message, line, field),
    lineOf: (fieldPath) => lineOfField(doc, fieldPath, yamlLine) ?? frontMatterLine,
  });

  // Validate even when the body had problems, so one run reports the front matter's too.
  const result = ArticleSchema.safeParse({ ...frontMatter, body, ...(updates.length ? { updates } : {}) });
  if (!result.success) {
    for (const zodIssue of result.error.issues) {
      const path = zodIssue.path.map(String);
      // Already reported: a body whose blocks all failed, or the size of a picture that is not there.
      if (path.length === 1 && path[0] === 'body' && bodyHasIssues) continue;
      if (mainImageMissing && path[0] === 'mainImage' && (path[1] === 'width' || path[1] === 'height')) continue;
      const field = path.join('.') || undefined;
      let line: number | undefined;
      if (path[0] === 'body' && path[1] !== undefined) line = blockLines[Number(path[1])];
      else if (path[0] === 'updates' && path[1] !== undefined) line = updateLines[Number(path[1])];
      else line = lineOfField(doc, path, yamlLine) ?? frontMatterLine;
      issue(zodIssue.message, line, field);
    }
  }
  if (issues.length || !result.success) return { ok: false, issues };
  return { ok: true, article: result.data };
}

async function completeImageSize(image: ImageFields, lookupImage: ImageDimensionsLookup): Promise<string | null> {
  const src = image.src;
  if (typeof src !== 'string') return null;
  const relative = isRelativePictureSource(src);
  if (!relative && !src.startsWith('/images/') && !src.startsWith('/media/')) return null;
  const found = await lookupImage(src);
  if (found && 'problem' in found) return found.problem;
  if (!found) {
    if (relative) return `picture not found: ${src} (looked beside the story and in the content's media/ folder)`;
    return src.startsWith('/media/') ? `no uploaded picture at ${src}` : `image file not found: public${src}`;
  }
  if (found.src !== undefined) {
    // Taken in or uploaded: its address and size are what the store holds.
    image.src = found.src;
    image.width = found.width;
    image.height = found.height;
    return null;
  }
  image.width ??= found.width;
  image.height ??= found.height;
  return null;
}

type Report = (message: string, line?: number) => void;

async function convertBlock(node: RootContent, lookupImage: ImageDimensionsLookup, report: Report): Promise<BlockInput[]> {
  switch (node.type) {
    case 'paragraph':
      return [{ type: 'paragraph', content: convertInline(node.children, report) }];
    case 'heading':
      if (node.depth !== 2) {
        report(`use "## " for subheadings (found a level-${node.depth} heading); the headline belongs in the front matter`);
        return [];
      }
      return [{ type: 'subheading', text: toString(node) }];
    case 'list':
      return convertList(node, report);
    case 'containerDirective':
      return convertContainerDirective(node, report);
    case 'leafDirective':
      return convertLeafDirective(node, lookupImage, report);
    case 'blockquote':
      report('a quote block needs an attribution: write :::pullquote{attribution="Who said it"} … :::');
      return [];
    case 'html':
      report('raw HTML is not allowed in a story; use Markdown and the ::image and :::pullquote directives');
      return [];
    case 'yaml':
      report('only one front matter block is allowed, at the top of the file');
      return [];
    default:
      report(`"${node.type}" is not a supported block: use ${supportedBlocks}`);
      return [];
  }
}

/** `::::update{at="…" title="…" id="…"}`: an update's id defaults to its time, as digits. */
async function convertUpdate(node: ContainerDirective, lookupImage: ImageDimensionsLookup, report: Report): Promise<UpdateInput> {
  const attributes = node.attributes ?? {};
  const at = attributes.at ?? undefined;
  const body: BlockInput[] = [];
  for (const child of node.children) {
    if (child.type === 'containerDirective' && child.name === 'update') {
      report('updates cannot be nested', child.position?.start.line);
      continue;
    }
    body.push(...(await convertBlock(child as RootContent, lookupImage, report)));
  }
  const derivedId = at ? `update-${at.replace(/\D/g, '').slice(0, 14)}` : undefined;
  return {
    id: attributes.id || derivedId,
    publishedAt: at,
    ...(attributes.title ? { title: attributes.title } : {}),
    body,
  };
}

function convertList(list: List, report: Report): BlockInput[] {
  const items: RunInput[][] = [];
  for (const item of list.children) {
    const [only, ...more] = item.children as (BlockContent | DefinitionContent)[];
    if (!only || only.type !== 'paragraph' || more.length) {
      report('each list item must be a single line of text (no nested lists or blocks)', item.position?.start.line);
      continue;
    }
    items.push(convertInline(only.children, report));
  }
  return items.length ? [{ type: 'list', style: list.ordered ? 'numbered' : 'bullet', items }] : [];
}

function convertContainerDirective(node: ContainerDirective, report: Report): BlockInput[] {
  if (node.name === 'video' || node.name === 'audio') return [convertMediaDirective(node)];
  if (node.name !== 'pullquote') {
    report(`unknown block directive ":::${node.name}"; the known ones are :::pullquote, :::video and :::audio`);
    return [];
  }
  const attribution = node.attributes?.attribution;
  if (!attribution) {
    report(':::pullquote needs an attribution, e.g. :::pullquote{attribution="Who said it"}');
    return [];
  }
  const text = node.children
    .map((child) => toString(child))
    .join(' ')
    .trim();
  return [{ type: 'pullQuote', text, attribution }];
}

async function convertLeafDirective(node: LeafDirective, lookupImage: ImageDimensionsLookup, report: Report): Promise<BlockInput[]> {
  if (node.name === 'embed') {
    // `::embed[Caption]{url=https://…}`: a post or clip from another site.
    const caption = toString(node).trim();
    return [{ type: 'embed', url: node.attributes?.url ?? undefined, ...(caption ? { caption } : {}) }];
  }
  if (node.name !== 'image') {
    report(`unknown directive "::${node.name}"; the known ones are ::image and ::embed`);
    return [];
  }
  const attributes = node.attributes ?? {};
  const image: ImageFields = {
    src: attributes.src ?? undefined,
    alt: attributes.alt ?? undefined,
    caption: toString(node).trim() || undefined,
    credit: attributes.credit ?? undefined,
    ...(attributes.kind ? { kind: attributes.kind as ImageFields['kind'] } : {}),
    width: undefined,
    height: undefined,
  };
  for (const key of ['width', 'height'] as const) {
    const value = attributes[key];
    if (value !== undefined && value !== null) image[key] = /^\d+$/.test(value) ? Number(value) : value;
  }
  const problem = await completeImageSize(image, lookupImage);
  if (problem) {
    report(problem);
    return [];
  }
  return [{ type: 'image', image }];
}

function convertInline(nodes: PhrasingContent[], report: Report): RunInput[] {
  const runs: RunInput[] = [];
  const pushText = (text: string) => {
    if (!text) return;
    const last = runs.at(-1);
    if (last?.type === 'text') last.text = `${last.text ?? ''}${text}`;
    else runs.push({ type: 'text', text });
  };
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        pushText(node.value);
        break;
      case 'inlineCode':
        pushText(node.value);
        break;
      case 'break':
        pushText(' ');
        break;
      case 'emphasis':
        runs.push({ type: 'emphasis', children: convertInline(node.children, report) });
        break;
      case 'strong':
        runs.push({ type: 'strong', children: convertInline(node.children, report) });
        break;
      case 'link':
        runs.push({ type: 'link', href: node.url, children: convertInline(node.children, report) });
        break;
      case 'textDirective':
        // remark-directive reads "word:word" as a directive; in running text it is just text.
        pushText(`:${node.name}${toString(node) ? `[${toString(node)}]` : ''}`);
        break;
      case 'image':
        report('images go on their own line as ::image[Caption]{src=… alt="…" credit="…"}', node.position?.start.line);
        break;
      case 'html':
        report('raw HTML is not allowed in a story', node.position?.start.line);
        break;
      default:
        report(`"${node.type}" is not supported in running text`, node.position?.start.line);
    }
  }
  return runs;
}
