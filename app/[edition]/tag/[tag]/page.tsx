import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageShell } from '@/components/layout/PageShell';
import { ListFront } from '@/components/story-lists/ListFront';
import { getEdition, isEditionId } from '@/lib/editions';
import { pageHref, pageNumberOf } from '@/lib/routing/page-param';
import { pageMetadata } from '@/lib/seo/page-metadata';
import { getSections, getStoriesPage, getTagName } from '@/lib/store/reads';

type Props = { params: Promise<{ edition: string; tag: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function loadTagPage({ params, searchParams }: Props) {
  const { edition, tag } = await params;
  if (!isEditionId(edition)) return undefined;
  const page = pageNumberOf(await searchParams);
  const [name, stories] = await Promise.all([getTagName(edition, tag), getStoriesPage(edition, 'tag', tag, page)]);
  return name && stories ? { edition, tag, name, stories } : undefined;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const found = await loadTagPage(props);
  if (!found) return {};
  const config = getEdition(found.edition);
  const { strings } = config;
  return pageMetadata({
    edition: config,
    path: pageHref(`/${found.edition}/tag/${found.tag}`, found.stories.page),
    title: found.stories.page > 1 ? `${found.name} - ${strings.pageNumber(found.stories.page)}` : found.name,
    description: strings.storiesTagged(found.name),
  });
}

export default async function TagPage(props: Props) {
  const found = await loadTagPage(props);
  if (!found) notFound();
  const { edition, tag, name, stories } = found;
  const config = getEdition(edition);
  return (
    <PageShell edition={edition}>
      <ListFront
        edition={config}
        sections={await getSections(edition)}
        path={`/${edition}/tag/${tag}`}
        eyebrow={config.strings.tagEyebrow}
        title={name}
        description={config.strings.storiesTagged(name)}
        stories={stories}
        loadMore={{ edition, filter: { tag: tag }, pageSize: stories.pageSize, startCursor: stories.olderCursor }}
      />
    </PageShell>
  );
}
