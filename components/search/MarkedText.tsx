import { highlightEnd, highlightStart } from '@/lib/domain/stories';

/** Text whose matches the search index wrapped in marker characters, with each match in <mark>. Never HTML. */
export function MarkedText({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let rest = text;
  let key = 0;
  while (rest.length) {
    const start = rest.indexOf(highlightStart);
    if (start === -1) {
      parts.push(rest);
      break;
    }
    const end = rest.indexOf(highlightEnd, start + 1);
    if (start > 0) parts.push(rest.slice(0, start));
    if (end === -1) {
      parts.push(rest.slice(start + 1));
      break;
    }
    parts.push(<mark key={key++}>{rest.slice(start + 1, end)}</mark>);
    rest = rest.slice(end + 1);
  }
  return <>{parts}</>;
}
