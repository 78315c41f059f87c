import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getArticleById, resolveArticleUrl } from '../store/articles';
import { listStories } from '../store/lists';
import type { Store } from '../store/database';
import { makeTempDir, openTestStore, storyMarkdown, writePicture } from '../testing/fixtures';
import { ContentImportError, importContent } from './import-content';
import sharp from 'sharp';
import { getMediaBytes } from '../store/media';
import { mediaId } from '../domain/safe-links';

const sectionsYml = `edition: en
sections:
  - slug: europe
    name: Europe
    description: News from Europe.
  - slug: africa
    name: Africa
    description: News from Africa.
`;

let store: Store;
let dir: string;
let publicDir: string;

function write(file: string, source: string) {
  const target = path.join(dir, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, source);
}

function story(id: string, slug: string, frontMatter: Record<string, string> = {}) {
  return storyMarkdown({ frontMatter: { id, slug, ...frontMatter } });
}

const run = () => importContent(store.db, dir, { publicDir, relativeTo: dir });

async function importFails(): Promise<ContentImportError> {
  const error = await run().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ContentImportError);
  return error as ContentImportError;
}

async function storedIds(): Promise<string[]> {
  const page: Awaited<ReturnType<typeof listStories>> = await listStories(store.db, { edition: 'en', limit: 100 });
  return page.items.map((item) => item.id).sort();
}

beforeEach(async () => {
  store = await openTestStore();
  dir = makeTempDir('newsroom-content-');
  publicDir = makeTempDir('newsroom-public-');
  await writePicture(publicDir, '/images/test/main.jpg', 1600, 900);
  write('en/sections.yml', sectionsYml);
});

afterEach(async () => {
  await store.close();
});

describe('importing a folder of stories', () => {
  it('writes every story and section, and reports what it did', async () => {
    write('en/europe/one.md', story('story-one', 'story-one'));
    write('en/europe/two.md', story('story-two', 'story-two', { publishedAt: '2018-04-28T09:00:00+02:00' }));
    const report = await run();
    expect(report).toMatchObject({ files: 3, sections: 2, created: ['story-one', 'story-two'], updated: [] });
    expect(await storedIds()).toEqual(['story-one', 'story-two']);
  });

  it('updates a story by id when it is imported again', async () => {
    write('en/europe/one.md', story('story-one', 'story-one'));
    await run();
    write('en/europe/one.md', story('story-one', 'story-one', { headline: 'A corrected headline' }));
    const report = await run();
    expect(report.updated).toEqual(['story-one']);
    expect((await getArticleById(store.db, 'story-one'))?.article.headline).toBe('A corrected headline');
  });

  it('keeps a renamed story reachable at its old address', async () => {
    write('en/europe/one.md', story('story-one', 'old-slug'));
    await run();
    write('en/europe/one.md', story('story-one', 'new-slug'));
    await run();
    expect(await resolveArticleUrl(store.db, { edition: 'en', section: 'europe', date: '20180427', slug: 'old-slug' })).toEqual({
      kind: 'moved',
      path: '/en/europe/20180427-new-slug',
    });
    expect((await getArticleById(store.db, 'story-one'))?.article.previousSlugs).toEqual(['old-slug']);
  });
});

describe('importing a folder with a bad file', () => {
  it('writes nothing at all, and names the file, line and field', async () => {
    write('en/europe/good.md', story('story-good', 'story-good'));
    write('en/europe/bad.md', story('story-bad', 'Bad Slug'));
    const error = await importFails();
    expect(error.issues).toEqual([{ file: path.join('en', 'europe', 'bad.md'), line: 5, field: 'slug', message: expect.any(String) }]);
    expect(await storedIds()).toEqual([]);
  });

  it('leaves earlier content untouched when a later run fails', async () => {
    write('en/europe/one.md', story('story-one', 'story-one'));
    await run();
    write('en/europe/one.md', story('story-one', 'story-one', { headline: 'Changed in the failing run' }));
    write('en/europe/bad.md', storyMarkdown({ frontMatter: { id: 'story-bad', slug: 'story-bad', publishedAt: 'yesterday' } }));
    await importFails();
    expect((await getArticleById(store.db, 'story-one'))?.article.headline).toBe('Police take down propaganda servers');
    expect(await storedIds()).toEqual(['story-one']);
  });

  it('rolls back the whole transaction when the store refuses one story', async () => {
    // Both files are valid on their own; together they claim the same slug, which only the store can see.
    write('en/europe/one.md', story('story-one', 'same-slug'));
    write('en/europe/two.md', story('story-two', 'same-slug', { publishedAt: '2018-05-01T10:00:00+02:00' }));
    const error = await importFails();
    expect(error.issues[0]?.message).toMatch(/already the slug of article "story-one"/);
    expect(error.issues[0]?.file).toBe(path.join('en', 'europe', 'two.md'));
    expect(await storedIds()).toEqual([]);
    const sections = await store.db.selectFrom('sections').selectAll().execute();
    expect(sections).toEqual([]);
  });

  it('refuses two files with the same id', async () => {
    write('en/europe/one.md', story('story-one', 'slug-a'));
    write('en/europe/copy.md', story('story-one', 'slug-b'));
    const error = await importFails();
    expect(error.issues[0]).toMatchObject({ field: 'id', message: expect.stringMatching(/also used by/) });
  });

  it('refuses a story in a section that does not exist', async () => {
    write('en/europe/one.md', story('story-one', 'story-one', { section: 'asia' }));
    const error = await importFails();
    expect(error.issues[0]?.message).toMatch(/section "asia" does not exist/);
  });

  it('refuses an invalid sections file', async () => {
    write('en/sections.yml', 'edition: en\nsections:\n  - slug: Bad Slug\n    name: Bad\n    description: x\n');
    const error = await importFails();
    expect(error.issues[0]).toMatchObject({ file: path.join('en', 'sections.yml'), line: 3, field: 'sections.0.slug' });
  });

  it('says so when the path does not exist or holds no content', async () => {
    const missing = await importContent(store.db, path.join(dir, 'nowhere'), { publicDir }).catch((e: unknown) => e);
    expect((missing as ContentImportError).issues[0]?.message).toBe('no such file or folder');
    const empty = makeTempDir();
    const nothing = await importContent(store.db, empty, { publicDir }).catch((e: unknown) => e);
    expect((nothing as ContentImportError).issues[0]?.message).toMatch(/no \.md stories/);
  });
});

describe('pictures beside the stories (decision 015)', () => {
  const gpsPhoto = (width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background: { r: 90, g: 40, b: 20 } } })
      .withExif({ IFD0: { Artist: 'Lena Hoffmann' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 4/1 3012/100' } })
      .jpeg()
      .toBuffer();

  it('takes in a picture beside the story and one in media/, cleaned and stored with the story', async () => {
    fs.writeFileSync(path.join(dir, 'en', 'harbour.jpg'), await gpsPhoto(1200, 800));
    fs.mkdirSync(path.join(dir, 'media'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'media', 'crane.jpg'), await gpsPhoto(640, 480));
    write(
      'en/with-pictures.md',
      storyMarkdown({
        frontMatter: { id: 'with-pictures', slug: 'with-pictures', mainImage: '{ src: harbour.jpg, alt: A harbour, caption: The harbour., credit: "Lena Hoffmann, Meridian" }' },
        body: 'First paragraph.\n\n::image[A crane at work.]{src=crane.jpg alt="A crane" credit="Lena Hoffmann, Meridian"}\n',
      }),
    );
    await run();
    const stored = (await getArticleById(store.db, 'with-pictures'))!.article;
    expect(stored.mainImage).toMatchObject({ src: expect.stringMatching(/^\/media\/[0-9a-f]{32}\.jpg$/), width: 1200, height: 800 });
    const inline = stored.body.find((block) => block.type === 'image');
    expect(inline?.type === 'image' && inline.image).toMatchObject({ src: expect.stringMatching(/^\/media\/[0-9a-f]{32}\.jpg$/), width: 640, height: 480 });
    const id = mediaId(stored.mainImage.src)!;
    const bytes = (await getMediaBytes(store.db, id))!.bytes;
    expect((await sharp(Buffer.from(bytes)).metadata()).exif).toBeUndefined();
  });

  it('writes neither pictures nor stories when one story is wrong, and names a missing or unreadable picture', async () => {
    fs.writeFileSync(path.join(dir, 'en', 'harbour.jpg'), await gpsPhoto(1200, 800));
    fs.writeFileSync(path.join(dir, 'en', 'broken.jpg'), 'not a picture');
    write('en/good.md', story('good-story', 'good-story', { mainImage: '{ src: harbour.jpg, alt: A harbour, caption: The harbour., credit: "A, B" }' }));
    write('en/missing.md', story('missing-picture', 'missing-picture', { mainImage: '{ src: nowhere.jpg, alt: A harbour, caption: The harbour., credit: "A, B" }' }));
    write('en/broken.md', story('broken-picture', 'broken-picture', { mainImage: '{ src: broken.jpg, alt: A harbour, caption: The harbour., credit: "A, B" }' }));
    const error = await importFails();
    expect(error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'en/missing.md', field: 'mainImage.src', message: expect.stringMatching(/picture not found: nowhere\.jpg/) }),
        expect.objectContaining({ file: 'en/broken.md', field: 'mainImage.src', message: expect.stringMatching(/broken\.jpg: not a picture/) }),
      ]),
    );
    expect(await storedIds()).toEqual([]);
    expect(Number((await store.db.selectFrom('media').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(0);
  });

  it('never reads a file outside the folder imported', async () => {
    write('en/escape.md', story('escape', 'escape', { mainImage: '{ src: ../../../etc/hostname.jpg, alt: A, caption: A., credit: "A, B" }' }));
    const error = await importFails();
    expect(error.issues[0]).toMatchObject({ field: 'mainImage.src', message: expect.stringMatching(/picture not found/) });
  });
});
