import { isMap, isSeq, type Document } from 'yaml';

/** The line of the deepest front-matter node that exists along `path`. */
export function lineOfField(doc: Document, path: string[], yamlLine: (offset: number) => number): number | undefined {
  for (let depth = path.length; depth > 0; depth -= 1) {
    const keys = path.slice(0, depth).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    const parentKeys = keys.slice(0, -1);
    const parent = parentKeys.length ? doc.getIn(parentKeys, true) : doc.contents;
    const last = keys.at(-1);
    if (isMap(parent)) {
      const pair = parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === last);
      const range = (pair?.key as { range?: [number, number, number] } | null)?.range;
      if (range) return yamlLine(range[0]);
    }
    if (isSeq(parent) && typeof last === 'number') {
      const range = (parent.items[last] as { range?: [number, number, number] } | undefined)?.range;
      if (range) return yamlLine(range[0]);
    }
  }
  return undefined;
}
