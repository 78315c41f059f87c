import { serializeJsonLd } from '@/lib/seo/json-ld';

/** The one place we write raw script content: escaped JSON, never content markup. */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
