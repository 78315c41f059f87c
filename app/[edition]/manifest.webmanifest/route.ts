import { editionIds, getEdition, isEditionId } from '@/lib/domain/editions';
import { publication } from '@/lib/domain/site-config';
import { editionPath } from '@/lib/domain/urls';

/**
 * An edition's web app manifest (issue 31): installed from the English pages, the app opens on
 * the English home, speaks English and reads left to right; from the Arabic ones, right to left.
 * Colours are the site's brand; the icons are drawn from app/icon.svg (scripts/generate-icons.ts).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ edition: string }> }): Promise<Response> {
  const { edition } = await params;
  if (!isEditionId(edition)) return new Response(null, { status: 404 });
  const config = getEdition(edition);
  const home = editionPath(edition);
  const manifest = {
    id: home,
    name: `${publication.name} (${config.name})`,
    short_name: publication.name,
    description: config.strings.homeDescription(publication.name),
    lang: config.lang,
    dir: config.dir,
    start_url: home,
    scope: home,
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#0b3a66',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
  return new Response(JSON.stringify(manifest), {
    headers: { 'Content-Type': 'application/manifest+json; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  });
}

export function generateStaticParams() {
  return editionIds.map((edition) => ({ edition }));
}
