import type { InlineRun } from '@/lib/domain/article-schema';
import { isSafeHref } from '@/lib/domain/safe-links';

/** Renders a paragraph's runs. A link whose address is not safe renders as its plain text. */
export function InlineContent({ runs }: { runs: InlineRun[] }) {
  return runs.map((run, index) => <Run key={index} run={run} />);
}

function Run({ run }: { run: InlineRun }) {
  switch (run.type) {
    case 'text':
      return run.text;
    case 'emphasis':
      return (
        <em>
          <InlineContent runs={run.children} />
        </em>
      );
    case 'strong':
      return (
        <strong>
          <InlineContent runs={run.children} />
        </strong>
      );
    case 'link':
      if (!isSafeHref(run.href)) return <InlineContent runs={run.children} />;
      return (
        <a href={run.href} rel={/^https?:/.test(run.href) ? 'noopener' : undefined}>
          <InlineContent runs={run.children} />
        </a>
      );
    default:
      return assertNever(run);
  }
}

/** Makes a `switch` exhaustive: a new variant that is not handled fails to compile here. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled variant: ${JSON.stringify(value)}`);
}
