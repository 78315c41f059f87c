import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { demoByEdition, demoStory } from './support/demo';
import { editionIds, getEdition } from '../lib/domain/editions';
import { articlePath } from '../lib/domain/urls';

/**
 * A story printed as a reader prints it: Chromium's PDF on A4, read back with Debian's poppler
 * (pdftotext, pdfimages). Its first page holds the headline, the picture and the start of the
 * text; the wordmark prints dark, the story's address prints, the navigation does not.
 */

const poppler = spawnSync('pdftotext', ['-v']).status === 0;

for (const id of editionIds) {
  const { strings, dir } = getEdition(id);
  const demo = demoByEdition[id];

  test(`a printed story (${id}): its first A4 page holds the headline, the picture and the start of the text`, async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'printing does not depend on the screen');
    test.skip(!poppler, 'needs poppler-utils (pdftotext, pdfimages) to read the PDF back');
    const story = await demoStory(demo.europolFile);
    await page.goto(demo.europol);
    await page.evaluate(() => document.fonts.ready);

    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => ({
      wordmark: getComputedStyle(document.querySelector('header a')!).color,
      navigation: [...document.querySelectorAll('nav')].filter((nav) => nav.getBoundingClientRect().height > 0).length,
    }));
    expect(printed.wordmark).toBe('rgb(0, 0, 0)');
    expect(printed.navigation).toBe(0);

    const file = testInfo.outputPath('story.pdf');
    await page.pdf({ path: file, format: 'A4' });
    const pageOne = spawnSync('pdftotext', ['-f', '1', '-l', '1', '-layout', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    const images = spawnSync('pdfimages', ['-list', '-f', '1', '-l', '1', file], { encoding: 'utf8' })
      .stdout.split('\n')
      .slice(2)
      .filter((line) => line.trim())
      .map((line) => line.trim().split(/\s+/))
      // page num type width height …: the lead picture, not an icon.
      .filter((cols) => cols[2] === 'image' && Number(cols[3]) >= 300);
    expect(images.length, 'the lead picture on page one').toBeGreaterThanOrEqual(1);
    // The address may wrap: read it without the line breaks.
    expect(pageOne.replace(/\s/g, '')).toContain(`${new URL(page.url()).origin}${articlePath(story)}`);
    if (dir === 'ltr') {
      // Arabic comes out of pdftotext with its letters apart: the Latin editions are read word for word.
      expect(pageOne).toContain(strings.printedFrom);
      const firstWords = (text: string) => text.split(/\s+/).slice(0, 6).join(' ');
      const firstParagraph = story.body.find((b) => b.type === 'paragraph')!;
      const paragraphText = firstParagraph.type === 'paragraph' ? firstParagraph.content.map((r) => ('text' in r ? r.text : '')).join('') : '';
      expect(pageOne).toContain(firstWords(story.headline));
      expect(pageOne).toContain(firstWords(story.standfirst));
      expect(pageOne).toContain(firstWords(paragraphText));
    }
  });
}
