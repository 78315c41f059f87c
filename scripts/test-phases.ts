/**
 * `npm test`: every check, one phase after another, stopping at the first that fails, and each
 * phase's time at the end (issue 28: CI's time is a budget, and it is spent where this says).
 * `npm test -- --from=e2e` starts at a later phase.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const phases: [name: string, script: string, args?: string[]][] = [
  ['typecheck', 'typecheck'],
  ['lint', 'lint'],
  ['unit', 'test:unit'],
  // The e2e run builds the site (playwright.config.ts); the bench measures that same build.
  ['e2e', 'test:e2e'],
  ['bench', 'bench:ci', ['--', '--skip-build']],
];

const { values } = parseArgs({ options: { from: { type: 'string' } } });
const start = values.from ? phases.findIndex(([name]) => name === values.from) : 0;
if (start < 0) {
  console.error(`test-phases: no phase named ${values.from}; the phases are ${phases.map(([name]) => name).join(', ')}`);
  process.exit(2);
}

const times: [string, number, string][] = [];
let failed: string | null = null;
for (const [name, script, args = []] of phases.slice(start)) {
  const began = performance.now();
  const result = spawnSync('npm', ['run', '--silent', script, ...args], { stdio: 'inherit' });
  const ok = result.status === 0;
  times.push([name, (performance.now() - began) / 1000, ok ? 'passed' : 'FAILED']);
  if (!ok) {
    failed = name;
    break;
  }
}

const minutes = (seconds: number) => `${Math.floor(seconds / 60)} min ${String(Math.round(seconds % 60)).padStart(2, '0')} s`;
console.log('\nnpm test, phase by phase:');
for (const [name, seconds, outcome] of times) console.log(`  ${name.padEnd(10)} ${minutes(seconds).padStart(13)}  ${outcome}`);
console.log(`  ${'all'.padEnd(10)} ${minutes(times.reduce((sum, [, seconds]) => sum + seconds, 0)).padStart(13)}`);
if (failed) process.exit(1);
