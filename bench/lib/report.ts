import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

export interface BenchReport {
  name: string;
  baseline: Record<string, number | string>;
  result: Record<string, number | string>;
  /** result ÷ baseline, measured in the same run: the figure that survives a noisy shared machine. */
  ratios: Record<string, number>;
  goals?: Record<string, { target: string; met: boolean }>;
}

export function machine() {
  return { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
}

/** Prints the report as tables and writes bench/results/<name>.json. */
export function writeReport(report: BenchReport): void {
  const full = { ...report, machine: machine(), at: new Date().toISOString() };
  mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
  writeFileSync(new URL(`../results/${report.name}.json`, import.meta.url), `${JSON.stringify(full, null, 2)}\n`);
  // Figures differ between Node.js lines (see plugins/webhooks/README.md): the heading says which one ran.
  console.log(`\n## ${report.name} (Node.js ${full.machine.node}, ${full.machine.cores} cores)`);
  console.table({ baseline: report.baseline, result: report.result });
  console.table(report.ratios);
  if (report.goals) console.table(report.goals);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function round(value: number, digits = 2): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}
