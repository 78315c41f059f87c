import { refusedCharacterMessage } from '../domain/text-rules';

/**
 * WebVTT captions, checked and written again (decision 025): what is kept is the header and the
 * cues — their timings, settings and text. Comments (NOTE blocks, where an editing tool leaves
 * names and paths) and regions are dropped; a stylesheet (STYLE) or any markup beyond WebVTT's
 * own cue spans (`<i>`, `<b>`, `<u>`, `<c>`, `<v>`, `<lang>`, `<ruby>`, `<rt>`, timestamps) is
 * refused: a caption file is text, and a browser showing it must never meet HTML in it.
 */

export type CleanedCaptions = { ok: true; text: string; cues: number } | { ok: false; status: 400 | 415; message: string };

const timestamp = String.raw`(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}`;
const timingLine = new RegExp(String.raw`^(${timestamp})[ \t]+-->[ \t]+(${timestamp})((?:[ \t]+[^\s]+)*)[ \t]*$`);
const setting = /^(vertical:(rl|lr)|line:-?\d+(\.\d+)?%?(,(start|center|end))?|position:\d+(\.\d+)?%(,(line-left|center|line-right))?|size:\d+(\.\d+)?%|align:(start|center|end|left|right)|region:[^\s]+)$/;
/** WebVTT's cue spans, with classes and an annotation (`<v Speaker>`, `<lang fr>`), their ends, and timestamps. */
const cueTag = new RegExp(String.raw`^<(?:/?(?:c|i|b|u|ruby|rt|v|lang)(?:\.[\w-]+)*(?:[ \t][^<>]*)?|/(?:c|i|b|u|ruby|rt|v|lang)|${timestamp})>$`);
const allowedEntity = /^&(?:amp|lt|gt|lrm|rlm|nbsp);$/;

const seconds = (stamp: string) => {
  const parts = stamp.split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
};

export function cleanCaptions(bytes: Uint8Array): CleanedCaptions {
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, status: 400, message: 'the captions are not UTF-8 text' };
  }
  source = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const blocks = source.split(/\n{2,}/);
  const header = blocks.shift() ?? '';
  if (!/^WEBVTT(?:[ \t][^\n]*)?(?:\n|$)/.test(header)) return { ok: false, status: 415, message: 'not WebVTT: the file must begin with "WEBVTT"' };
  const cues: string[] = [];
  for (const [index, rawBlock] of blocks.entries()) {
    const block = rawBlock.replace(/^\n+|\n+$/g, '');
    if (!block) continue;
    const where = `block ${index + 2}`;
    if (/^NOTE(?:[ \t\n]|$)/.test(block) || /^REGION(?:[ \t\n]|$)/.test(block)) continue;
    if (/^STYLE(?:[ \t\n]|$)/.test(block)) return { ok: false, status: 400, message: `${where}: a STYLE block is not taken (captions are shown in the site's own style)` };
    const lines = block.split('\n');
    const timingIndex = lines.findIndex((line) => line.includes('-->'));
    if (timingIndex < 0 || timingIndex > 1) return { ok: false, status: 400, message: `${where}: a cue needs a timing line ("00:00:01.000 --> 00:00:04.000")` };
    const timing = timingLine.exec(lines[timingIndex]!);
    if (!timing) return { ok: false, status: 400, message: `${where}: "${lines[timingIndex]!.slice(0, 80)}" is not a cue timing` };
    if (seconds(timing[2]!) <= seconds(timing[1]!)) return { ok: false, status: 400, message: `${where}: the cue ends before it starts` };
    const settings = (timing[3] ?? '').trim().split(/[ \t]+/).filter(Boolean);
    const badSetting = settings.find((s) => !setting.test(s));
    if (badSetting) return { ok: false, status: 400, message: `${where}: "${badSetting.slice(0, 40)}" is not a cue setting` };
    const identifier = timingIndex === 1 ? lines[0]!.trim() : '';
    const text = lines.slice(timingIndex + 1);
    if (!text.length) return { ok: false, status: 400, message: `${where}: the cue has no text` };
    for (const line of text) {
      const refused = refusedCharacterMessage(line);
      if (refused) return { ok: false, status: 400, message: `${where}: ${refused}` };
      for (const tag of line.match(/<[^>]*>?/g) ?? []) {
        if (!cueTag.test(tag)) return { ok: false, status: 400, message: `${where}: "${tag.slice(0, 40)}" is markup, not a WebVTT cue span: captions are text` };
      }
      for (const entity of line.match(/&[A-Za-z0-9#]+;?/g) ?? []) {
        if (!allowedEntity.test(entity)) return { ok: false, status: 400, message: `${where}: "${entity.slice(0, 20)}" is not a character reference WebVTT takes (write & as &amp;)` };
      }
    }
    cues.push([...(identifier && !identifier.includes('-->') ? [identifier] : []), `${timing[1]} --> ${timing[2]}${settings.length ? ` ${settings.join(' ')}` : ''}`, ...text].join('\n'));
  }
  if (!cues.length) return { ok: false, status: 400, message: 'the captions hold no cue' };
  return { ok: true, text: `WEBVTT\n\n${cues.join('\n\n')}\n`, cues: cues.length };
}
