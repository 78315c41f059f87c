/**
 * Makes the demo's videos, recordings and captions (content/media/), all of our own making:
 * the pictures drawn by ffmpeg's filters, the voices spoken by espeak-ng in each edition's
 * language, the captions timed from the spoken sentences. Run by hand when they change
 * (`npx tsx scripts/generate-media.ts`): the files are committed, small, so that setting the
 * site up needs neither program. The import then checks and cleans them like any upload.
 *
 * Needs Debian's ffmpeg and espeak-ng, and the DejaVu Sans font.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const out = path.resolve('content/media');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-media-'));
const font = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';

type Clip = { name: string; voice: string; sentences: string[]; picture?: 'glacier' | 'solar'; captions?: boolean };

const clips: Clip[] = [
  {
    name: 'glacier-en',
    voice: 'en-gb',
    picture: 'glacier',
    captions: true,
    sentences: [
      'Every autumn, glaciologists climb back up to the Swiss glaciers to measure how much ice the year has taken.',
      'For two decades the answer has been the same: the ice is thinning, and faster than before.',
      'Hotter summers and less snow at lower altitudes are the main causes, scientists say.',
    ],
  },
  {
    name: 'glacier-fr',
    voice: 'fr-fr',
    picture: 'glacier',
    captions: true,
    sentences: [
      'Chaque automne, des glaciologues remontent sur les glaciers suisses pour mesurer la glace que l’année a emportée.',
      'Depuis vingt ans, la réponse est la même : la glace s’amincit, et plus vite qu’avant.',
      'Des étés plus chauds et moins de neige en basse altitude en sont les principales causes, selon les scientifiques.',
    ],
  },
  {
    name: 'solar-ar',
    voice: 'ar',
    picture: 'solar',
    captions: true,
    sentences: [
      'عند أطراف مخيم الزعتري في الأردن، تمتد صفوف من الألواح الشمسية على الرمال.',
      'تقول العائلات إن الكهرباء باتت تصل إلى بيوتها ساعات أطول كل يوم.',
      'وتقول الجهة المشغّلة إن المحطة تخفّض كلفة الكهرباء التي كانت تُشترى من الشبكة الوطنية.',
    ],
  },
  {
    name: 'dakar-en',
    voice: 'en-gb',
    sentences: [
      'Fishermen on the beaches south of Dakar now sail for two days at a time to find the fish they once caught within sight of the shore.',
      'They blame foreign industrial vessels. Researchers also point to warmer seas, which move the shoals.',
    ],
  },
  {
    name: 'dakar-fr',
    voice: 'fr-fr',
    sentences: [
      'Sur la plage de Soumbédioune, les pirogues partent plus loin et plus longtemps pour des filets de moins en moins pleins.',
      'Les pêcheurs accusent les chalutiers étrangers. Les scientifiques pointent aussi la surpêche locale.',
    ],
  },
  {
    name: 'nairobi-ar',
    voice: 'ar',
    sentences: [
      'في نيروبي، تبني شركات ناشئة خدماتها على الدفع بالهاتف المحمول الذي يستخدمه معظم السكان.',
      'من القروض الصغيرة إلى تأمين المزارعين، يمر كل شيء عبر الهاتف.',
    ],
  },
];

const run = (command: string, args: string[]) => execFileSync(command, args, { stdio: ['ignore', 'pipe', 'inherit'] }).toString('utf8');
const seconds = (file: string) => Number(run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]).trim());
const stamp = (t: number) => {
  const ms = Math.round(t * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`;
};

/** The drawn pictures: a peak whose ice shrinks as the years count up; a sun crossing rows of panels. */
function pictureFilter(kind: 'glacier' | 'solar', duration: number): string {
  const d = duration.toFixed(2);
  if (kind === 'glacier') {
    const mountain = `gt(Y\\,260-170*max(0\\,1-abs(X-320)/260))`;
    const snow = `lt(Y\\,230-120*T/${d})`;
    const channel = (snowValue: number, rock: string, sky: string) => `if(${mountain}\\,if(${snow}\\,${snowValue}\\,${rock})\\,${sky})`;
    return [
      `color=c=black:s=640x360:r=25:d=${d},format=rgb24`,
      `geq=r='${channel(240, '96+10*sin(X/9)', '110+Y/5')}':g='${channel(246, '104+10*sin(X/9)', '160+Y/6')}':b='${channel(250, '112+10*sin(X/9)', '225')}'`,
      `drawtext=fontfile=${font}:text='%{eif\\:1990+t*28/${d}\\:d}':x=24:y=24:fontsize=36:fontcolor=white:borderw=2:bordercolor=0x0b3a66`,
    ].join(',');
  }
  const sunX = `(60+520*T/${d})`;
  const sunY = `(150-110*sin(PI*T/${d}))`;
  const sun = `lt(hypot(X-${sunX}\\,Y-${sunY})\\,28)`;
  const panel = `gt(Y\\,230)*lt(mod(Y-230\\,40)\\,22)*lt(mod(X+(Y-230)/2\\,90)\\,76)`;
  const sand = `gt(Y\\,215)`;
  const glow = `(0.4+0.6*sin(PI*T/${d}))`;
  const channel = (sunValue: number, panelValue: string, sandValue: string, sky: string) =>
    `if(${sun}\\,${sunValue}\\,if(${panel}\\,${panelValue}\\,if(${sand}\\,${sandValue}\\,${sky})))`;
  return [
    `color=c=black:s=640x360:r=25:d=${d},format=rgb24`,
    `geq=r='${channel(255, `30+40*${glow}`, '214-Y/8', '240-Y/3')}':g='${channel(214, `60+70*${glow}`, '178-Y/8', '170-Y/4')}':b='${channel(90, `110+120*${glow}`, '120-Y/8', '120+Y/3')}'`,
  ].join(',');
}

fs.mkdirSync(out, { recursive: true });
for (const clip of clips) {
  // Each sentence spoken apart, then joined with a short pause: the captions' cues are the sentences.
  const parts: string[] = [];
  const cues: string[] = [];
  let at = 0.5;
  for (const [index, sentence] of clip.sentences.entries()) {
    const wav = path.join(work, `${clip.name}-${index}.wav`);
    run('espeak-ng', ['-v', clip.voice, '-s', '150', '-w', wav, sentence]);
    const length = seconds(wav);
    cues.push(`${index + 1}\n${stamp(at)} --> ${stamp(at + length)}\n${sentence}`);
    parts.push(wav);
    at += length + 0.4;
  }
  const duration = at + 0.6;
  const voice = path.join(work, `${clip.name}.wav`);
  run('ffmpeg', [
    '-v',
    'error',
    '-y',
    ...parts.flatMap((part) => ['-i', part]),
    '-filter_complex',
    `${parts.map((_, i) => `[${i}:a]apad=pad_dur=0.4[p${i}]`).join(';')};${parts.map((_, i) => `[p${i}]`).join('')}concat=n=${parts.length}:v=0:a=1,adelay=500,apad=whole_dur=${duration.toFixed(2)}[a]`,
    '-map',
    '[a]',
    '-ar',
    '44100',
    '-ac',
    '1',
    voice,
  ]);
  if (clip.picture) {
    const file = path.join(out, `${clip.name}.mp4`);
    run('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      pictureFilter(clip.picture, duration),
      '-i',
      voice,
      '-map',
      '0:v',
      '-map',
      '1:a',
      '-shortest',
      '-c:v',
      'libx264',
      '-preset',
      'slow',
      '-crf',
      '30',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-b:a',
      '48k',
      '-movflags',
      '+faststart',
      '-map_metadata',
      '-1',
      '-fflags',
      '+bitexact',
      file,
    ]);
  } else {
    run('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-i',
      voice,
      '-c:a',
      'aac',
      '-b:a',
      '48k',
      '-movflags',
      '+faststart',
      '-map_metadata',
      '-1',
      '-fflags',
      '+bitexact',
      path.join(out, `${clip.name}.m4a`),
    ]);
  }
  if (clip.captions) fs.writeFileSync(path.join(out, `${clip.name}.vtt`), `WEBVTT\n\n${cues.join('\n\n')}\n`);
  console.log(`generate-media: ${clip.name} (${duration.toFixed(1)} s)`);
}
fs.rmSync(work, { recursive: true, force: true });
