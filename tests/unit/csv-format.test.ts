// The responses CSV's formula guard: every cell a spreadsheet would run gets a leading
// apostrophe on export, and the importer takes exactly that apostrophe away again.
import { describe, expect, it } from 'vitest';
import { neutraliseCell, restoreCell, splitChoices } from '../../server/import/format.ts';

const DANGEROUS = ['=cmd|/C calc!A0', '+1', '-1', '@SUM(A1:A9)', '\tcmd', '\rcmd'];
const HARMLESS = ['', 'Good worker', "'quoted already", "it's fine", '1+1', 'a=b', ' =x'];

describe('the formula guard', () => {
  it('neutralises every cell a spreadsheet would run as a formula', () => {
    for (const cell of DANGEROUS) expect(neutraliseCell(cell)).toBe(`'${cell}`);
  });

  it('leaves other cells alone', () => {
    for (const cell of HARMLESS) expect(neutraliseCell(cell)).toBe(cell);
  });

  it('gives back exactly what was there, even text that already started with an apostrophe', () => {
    for (const cell of [...DANGEROUS, ...HARMLESS, "'=already guarded", "''+two"]) expect(restoreCell(neutraliseCell(cell))).toBe(cell);
  });

  it('only strips an apostrophe it could have added', () => {
    expect(restoreCell("'hello")).toBe("'hello");
    expect(restoreCell("'=x")).toBe('=x');
  });
});

describe('multiple choice cells', () => {
  it('split on | and ignore spaces and empty parts', () => {
    expect(splitChoices('school| family ||friends')).toEqual(['school', 'family', 'friends']);
  });
});
