import { describe, expect, it } from 'vitest';
import { parseResults, renderResults, type Section } from '../bench/support/results-file.ts';

describe('the benchmark results file', () => {
  const a: Section = { measured: '2026-12-05 19:40 UTC', machine: '2 × Some CPU, 24 GiB, Node.js v20', exit: 0, output: 'step page 0.051\n  ✓ goal' };
  const b: Section = { measured: '2026-12-04 10:00 UTC', machine: 'another machine', exit: 1, output: '\u001b[32mgreen\u001b[39m text' };

  it('reads back what it wrote, so a partial run keeps the other sections', () => {
    const text = renderResults(new Map([['throughput.ts', a], ['slow-3g.ts', b]]));
    const back = parseResults(text);
    expect(back.get('throughput.ts')).toEqual(a);
    expect(back.get('slow-3g.ts')).toEqual({ ...b, output: 'green text' });
    expect(renderResults(back)).toBe(text);
    expect(text.indexOf('## slow-3g.ts')).toBeLessThan(text.indexOf('## throughput.ts'));
  });

  it('starts from nothing when there is no file yet', () => {
    expect(parseResults('').size).toBe(0);
  });
});
