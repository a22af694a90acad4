// docs/benchmark-results.md: one section per benchmark script, each with when and on what it was
// measured and exactly what it printed. Read back so a partial run keeps the other sections.

export interface Section {
  measured: string;
  machine: string;
  exit: number;
  output: string;
}

const HEADING = /^## (\S+\.ts)$/;
const FENCE = '```';

export function parseResults(text: string): Map<string, Section> {
  const sections = new Map<string, Section>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const script = HEADING.exec(lines[i]!)?.[1];
    if (!script) continue;
    const measured = /^Measured (.+?) on (.+?)\.(?: Exited with (\d+)\.)?$/.exec(lines[i + 2] ?? '');
    const start = lines.indexOf(FENCE, i);
    const end = start < 0 ? -1 : lines.indexOf(FENCE, start + 1);
    if (!measured || start < 0 || end < 0) continue;
    sections.set(script, { measured: measured[1]!, machine: measured[2]!, exit: Number(measured[3] ?? 0), output: lines.slice(start + 1, end).join('\n') });
    i = end;
  }
  return sections;
}

const stripColours = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

export function renderResults(sections: Map<string, Section>): string {
  const parts = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (tests/bench/run.ts): what each benchmark printed the last time it ran,',
    'with the date and the machine. Do not edit by hand; run the benchmark again. What the figures',
    'mean and the goals they are measured against: [performance.md](performance.md).',
  ];
  for (const [script, s] of [...sections].sort(([a], [b]) => a.localeCompare(b))) {
    parts.push('', `## ${script}`, '', `Measured ${s.measured} on ${s.machine}.${s.exit ? ` Exited with ${s.exit}.` : ''}`, '', FENCE, stripColours(s.output), FENCE);
  }
  return `${parts.join('\n')}\n`;
}
