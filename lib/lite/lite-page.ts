import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { getEdition, isEditionId, defaultEditionId, type EditionId } from '../domain/editions';
import { firstSegment, hasLiteVersion, litePath } from '../domain/urls';
import { liteStylesheet } from './lite-style';

/**
 * A reader page's lite version (issue 31; docs/decisions/026-lite-pages.md), made from the full
 * page's own document: the same text and links by construction, every kind of page at once.
 *
 * What goes: every script (the framework's, the islands', JSON-LD stays with the full page),
 * every stylesheet, font and preload, every picture, video and recording (a figure keeps its
 * caption and credit, and a link that opens the file), inline SVG, the class names. What comes:
 * one small inline stylesheet (lib/lite/lite-style.ts) and a line at the top that says what the
 * page is, with a link to the full page. Links to other reader pages, and the search form, go
 * to their lite versions. The document's language, direction, title, description and canonical
 * (the full page's address) are kept.
 */
export function litePage(fullHtml: string, fullTarget: string): string {
  const tree = fromHtml(fullHtml);
  const html = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'html');
  if (!html) throw new Error('lite: the full page has no <html> element');
  const first = firstSegment(fullTarget);
  const edition: EditionId = isEditionId(first) ? first : defaultEditionId;
  const strings = getEdition(edition).strings;

  const head = childElement(html, 'head');
  const body = childElement(html, 'body');
  const kept = head ? head.children.filter(isElement).filter(keptInHead) : [];
  const style: Element = { type: 'element', tagName: 'style', properties: {}, children: [{ type: 'text', value: liteStylesheet }] };
  const newHead: Element = {
    type: 'element',
    tagName: 'head',
    properties: {},
    children: [
      element('meta', { charSet: 'utf-8' }),
      element('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      element('meta', { name: 'color-scheme', content: 'light dark' }),
      ...kept,
      style,
    ],
  };
  const notice = element('p', { className: ['lite-notice'] }, [
    { type: 'text', value: `${strings.liteNotice} ` },
    element('a', { href: fullTarget }, [{ type: 'text', value: strings.liteFullPage }]),
  ]);
  const newBody: Element = { type: 'element', tagName: 'body', properties: {}, children: [notice, ...(body ? liteChildren(body.children, strings) : [])] };
  html.properties = { lang: html.properties.lang, dir: html.properties.dir };
  html.children = [newHead, newBody];
  const root: Root = { type: 'root', children: [{ type: 'doctype' }, html] };
  return toHtml(root);
}

type LiteStrings = { liteOpenPicture: string; liteOpenVideo: string; liteOpenAudio: string };

/** What the lite page keeps of the full page's head: its title, description, robots, canonical and icon. */
function keptInHead(node: Element): boolean {
  if (node.tagName === 'title') return true;
  if (node.tagName === 'meta') return node.properties.name === 'description' || node.properties.name === 'robots';
  // The canonical, and the site's icon (without one a browser asks for /favicon.ico, a 404).
  if (node.tagName === 'link') return ['canonical', 'icon'].includes(String(node.properties.rel ?? ''));
  return false;
}

/** Elements the lite page leaves out, with all they hold. */
const dropped = new Set(['script', 'style', 'link', 'noscript', 'template', 'iframe', 'svg', 'img', 'picture', 'source', 'track', 'object', 'embed', 'canvas']);

function liteChildren(children: (RootContent | ElementContent)[], strings: LiteStrings): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of children) {
    if (node.type === 'comment' || node.type === 'doctype') continue;
    if (node.type !== 'element') {
      out.push(node);
      continue;
    }
    // What the full page marks as its own furniture (its link to this lite version) stays out.
    if (dropped.has(node.tagName) || node.properties.hidden !== undefined || node.properties.dataLite === 'omit') continue;
    // A player: a link to the file instead.
    if (node.tagName === 'video' || node.tagName === 'audio') {
      const link = mediaLink(node, node.tagName === 'video' ? strings.liteOpenVideo : strings.liteOpenAudio);
      if (link) out.push(link);
      continue;
    }
    // A button does nothing without script, but a form's own.
    if (node.tagName === 'button' && node.properties.type !== 'submit') continue;
    const picture = node.tagName === 'figure' ? pictureLink(node, strings.liteOpenPicture) : null;
    node.properties = liteProperties(node);
    node.children = liteChildren(node.children, strings);
    if (picture) node.children.unshift(picture);
    out.push(node);
  }
  return out;
}

/** The attributes a lite element keeps: none of the styling, links to reader pages made lite. */
function liteProperties(node: Element): Element['properties'] {
  const properties: Element['properties'] = {};
  for (const [name, value] of Object.entries(node.properties)) {
    if (name === 'style' || name === 'srcSet' || name === 'sizes' || name.startsWith('data') || name.startsWith('on')) continue;
    if (name === 'className') {
      const kept = (Array.isArray(value) ? value : []).filter((c) => c === 'visually-hidden');
      if (kept.length > 0) properties.className = kept;
      continue;
    }
    properties[name] = value;
  }
  for (const attribute of ['href', 'action'] as const) {
    const target = properties[attribute];
    if (typeof target === 'string' && hasLiteVersion(target)) properties[attribute] = litePath(target);
  }
  return properties;
}

/** A figure's picture, as a link that opens the largest copy the full page offered. */
function pictureLink(figure: Element, label: string): Element | null {
  const img = findElement(figure, 'img');
  if (!img) return null;
  const candidates = String(img.properties.srcSet ?? '')
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0])
    .filter((url): url is string => Boolean(url));
  const href = candidates.at(-1) ?? (typeof img.properties.src === 'string' ? img.properties.src : null);
  return href ? element('p', {}, [element('a', { href }, [{ type: 'text', value: label }])]) : null;
}

/** A player's file, as a link. */
function mediaLink(player: Element, label: string): Element | null {
  const source = typeof player.properties.src === 'string' ? player.properties.src : findElement(player, 'source')?.properties.src;
  return typeof source === 'string' ? element('p', {}, [element('a', { href: source }, [{ type: 'text', value: label }])]) : null;
}

function findElement(node: Element, tagName: string): Element | null {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === tagName) return child;
    const found = findElement(child, tagName);
    if (found) return found;
  }
  return null;
}

function childElement(node: Element, tagName: string): Element | undefined {
  return node.children.find((child): child is Element => child.type === 'element' && child.tagName === tagName);
}

const isElement = (node: ElementContent): node is Element => node.type === 'element';

function element(tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}
