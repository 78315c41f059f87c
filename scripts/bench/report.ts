import { budgets, largeCount } from './config';

/** What the bench found wanting, and how it prints figures (scripts/bench.ts). */
export const failures: string[] = [];

export const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export const table = (head: string[], body: string[][]) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');

/** Records a missed budget; what the report's "Result" column says. */
export function check(ok: boolean, message: string) {
  if (!ok) failures.push(message);
  return ok ? 'ok' : 'MISSED';
}

export const growthTable = (growth: string[][]) =>
  table(['Forced miss, p50 ms', '1,000 stories', `${largeCount.toLocaleString('en')} stories`, 'Ratio', `Budget ${budgets.growth}×`], growth);
