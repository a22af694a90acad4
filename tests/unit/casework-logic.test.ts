// The pure rules behind the casework pages: case references, invitation status, when answers
// are overdue for review, and reading a paper form keyed in on one page.
import { describe, expect, it } from 'vitest';
import { likePattern, normaliseCaseReference } from '../../server/cases/reference.ts';
import { parseEntry } from '../../server/inbox/entry-form.ts';
import { shownAnswers } from '../../server/inbox/answers-view.ts';
import { expiryOf, groupCode, invitationStatus } from '../../server/invitations/status.ts';
import { reviewOverdueBefore } from '../../server/inbox/overdue.ts';
import { MINI_EOOQ } from '../support/fixtures.ts';

describe('case references', () => {
  it('are made canonical and must look like a reference, never a name', () => {
    expect(normaliseCaseReference(' cv-104233 ')).toBe('CV-104233');
    expect(normaliseCaseReference('YJ 2024/0012')).toBe('YJ2024/0012');
    expect(normaliseCaseReference('Jamie Smith')).toBeUndefined();
    expect(normaliseCaseReference('ABCDEF')).toBeUndefined(); // no digit
    expect(normaliseCaseReference('1')).toBeUndefined();
    expect(normaliseCaseReference('X'.repeat(29) + '1')).toBe('X'.repeat(29) + '1');
    expect(normaliseCaseReference('X'.repeat(30) + '1')).toBeUndefined();
    expect(normaliseCaseReference("CV-1'; drop table cases")).toBeUndefined();
  });

  it('are searched literally, wildcards and all', () => {
    expect(likePattern('CV_1%')).toBe('%CV\\_1\\%%');
  });
});

describe('invitation status', () => {
  const now = new Date('2026-05-12T10:00:00Z');
  const base = { openedAt: null, submittedAt: null, revokedAt: null, expiresAt: new Date('2026-06-01T00:00:00Z'), hasAnswers: false };
  it('follows the child from not opened to answered', () => {
    expect(invitationStatus(base, now)).toBe('pending');
    expect(invitationStatus({ ...base, openedAt: now }, now)).toBe('opened');
    expect(invitationStatus({ ...base, openedAt: now, hasAnswers: true }, now)).toBe('in_progress');
    expect(invitationStatus({ ...base, openedAt: now, hasAnswers: true, submittedAt: now }, now)).toBe('completed');
  });
  it('is expired after its time and withdrawn once revoked, but an answered one stays answered', () => {
    expect(invitationStatus({ ...base, expiresAt: now }, now)).toBe('expired');
    expect(invitationStatus({ ...base, revokedAt: now, expiresAt: new Date(0) }, now)).toBe('revoked');
    expect(invitationStatus({ ...base, submittedAt: now, expiresAt: new Date(0) }, now)).toBe('completed');
  });
  it('expires a whole number of days later, and groups the code for reading out', () => {
    expect(expiryOf(now, 28).toISOString()).toBe('2026-06-09T10:00:00.000Z');
    expect(groupCode('K7QM4XRT2HNPA')).toBe('K7QM 4XRT 2HNP A');
  });
});

describe('answers overdue for review (2 working days)', () => {
  const zone = 'Europe/London';
  it('counts working days in the service time zone, skipping weekends', () => {
    // Tuesday 12 May 10:00 UK: Thursday's answers were due Monday 17:00; Friday's are due Tuesday 17:00.
    expect(reviewOverdueBefore(new Date('2026-05-12T09:00:00Z'), zone).toISOString()).toBe('2026-05-07T23:00:00.000Z');
    // Tuesday 18:00: Friday's and the weekend's (both due Tuesday 17:00) are now late too.
    expect(reviewOverdueBefore(new Date('2026-05-12T17:00:00Z'), zone).toISOString()).toBe('2026-05-10T23:00:00.000Z');
    // Monday morning: Wednesday's answers were due Friday 17:00.
    expect(reviewOverdueBefore(new Date('2026-05-11T08:00:00Z'), zone).toISOString()).toBe('2026-05-06T23:00:00.000Z');
  });
});

describe('a paper form keyed in on one page', () => {
  it('keeps the answers on the route, marks the rest skipped, and points out answers to questions not asked', () => {
    const ok = parseEntry(MINI_EOOQ, { q_views_taken_seriously: 'most', q_feel_safe: 'no', q_tell_more: ' I am scared ', q_good: '', q_contact_name: 'Sam' });
    expect(ok.errors).toEqual([]);
    expect(ok.answers).toEqual({ views_taken_seriously: 'most', feel_safe: 'no', tell_more: 'I am scared', good: null, contact: { name: 'Sam' } });
    const bad = parseEntry(MINI_EOOQ, { q_feel_safe: 'yes', q_tell_more: 'extra', q_views_taken_seriously: ['all', 'most'] });
    expect(bad.errors).toEqual([
      { questionId: 'views_taken_seriously', key: 'invalid' },
      { questionId: 'tell_more', key: 'not_asked' },
    ]);
    expect(bad.given.tell_more).toBe('extra');
  });

  it('reads stored answers back in the questionnaire’s words', () => {
    const rows = [
      { questionId: 'views_taken_seriously', optionValue: 'most', numericValue: null, textValue: null, concern: false },
      { questionId: 'feel_safe', optionValue: 'no', numericValue: null, textValue: null, concern: true },
      { questionId: 'tell_more', optionValue: null, numericValue: null, textValue: 'scared', concern: false },
    ];
    const shown = shownAnswers(MINI_EOOQ, rows, false, ['feel_safe']);
    expect(shown.map((q) => [q.title, q.answer.kind])).toEqual([
      ['Did staff take your views seriously?', 'choice'],
      ['Do you feel safe?', 'choice'],
      ['Do you want to tell us more?', 'text'],
      ['What was really good?', 'skipped'],
      ['Can we contact you?', 'contact'],
    ]);
    expect(shown[0]!.answer).toEqual({ kind: 'choice', labels: [{ text: 'Most of the time', concern: false }] });
    expect(shown[1]).toMatchObject({ flagged: true, answer: { labels: [{ text: 'No', concern: true }] } });
  });
});
