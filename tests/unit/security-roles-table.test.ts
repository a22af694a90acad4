// SECURITY.md's "Who can see what" table is a promise; this checks it, cell by cell, against the
// access policy itself, so the document cannot say one thing while the code does another.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STAFF_ROLES, type StaffRole } from '../../db/schema.ts';
import { ACTIONS, AREA_ROLES, can, scopeOf } from '../../server/staff/policy.ts';
import type { StaffPrincipal } from '../../server/staff/principal.ts';

const COLUMNS: Record<string, StaffRole> = {
  'Service admin': 'service_admin',
  'Team manager': 'team_manager',
  'Case manager': 'case_manager',
  'Victim liaison': 'victim_liaison',
  'Participation lead': 'participation_lead',
  'Board member': 'board_member',
};

function table(): { header: string[]; rows: Map<string, string[]> } {
  const doc = readFileSync(new URL('../../SECURITY.md', import.meta.url), 'utf8');
  const block = /<!-- roles-table:start -->([\s\S]*?)<!-- roles-table:end -->/.exec(doc)?.[1];
  if (!block) throw new Error('SECURITY.md has no roles table');
  const lines = block.trim().split('\n').map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
  const [header, , ...body] = lines;
  return { header: header!, rows: new Map(body.map((cells) => [cells[0]!, cells.slice(1)])) };
}

const person = (role: StaffRole): StaffPrincipal => ({ kind: 'staff', id: 'p', serviceId: 's', areaId: 'area-1', role, name: role, email: 'x@example.test' });

describe("SECURITY.md's table of what each role can do", () => {
  it('has one column per role and one row per action of the policy, no more, no fewer', () => {
    const { header, rows } = table();
    expect(header.slice(1).map((h) => COLUMNS[h])).toEqual([...STAFF_ROLES]);
    expect([...rows.keys()].sort()).toEqual([...ACTIONS].sort());
  });

  it('says, for every role and action, exactly what the policy grants and in what scope', () => {
    const { header, rows } = table();
    const roles = header.slice(1).map((h) => COLUMNS[h]!);
    const wrong: string[] = [];
    for (const [action, cells] of rows) {
      roles.forEach((role, i) => {
        const p = person(role);
        const expected = !can(p, action as (typeof ACTIONS)[number]) ? '—' : AREA_ROLES.includes(role) ? 'area' : 'yes';
        if (expected === 'area') expect(scopeOf(p, action as (typeof ACTIONS)[number])).toEqual({ kind: 'area', areaId: 'area-1' });
        if (cells[i] !== expected) wrong.push(`${action} / ${role}: the table says "${cells[i]}", the policy "${expected}"`);
      });
    }
    expect(wrong).toEqual([]);
  });
});
