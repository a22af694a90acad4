import { describe, expect, it } from 'vitest';
import { checkMove, nextStatus, overdueOf, type ComplaintState } from '../../server/complaints/lifecycle.ts';
import { refusalMessage } from '../../server/complaints/actions.ts';

const at = (status: ComplaintState['status'], extra: Partial<ComplaintState> = {}): ComplaintState => ({ status, wantsReply: false, replySentAt: null, ...extra });

describe('the complaints procedure', () => {
  it('goes received → acknowledged → investigating → responded → closed, one step at a time', () => {
    expect(nextStatus('received')).toBe('acknowledged');
    expect(nextStatus('acknowledged')).toBe('investigating');
    expect(nextStatus('investigating')).toBe('responded');
    expect(nextStatus('responded')).toBe('closed');
    expect(nextStatus('closed')).toBeNull();
    expect(checkMove(at('received'), { to: 'acknowledged' })).toBeNull();
    expect(checkMove(at('investigating'), { to: 'responded', outcome: 'not_upheld' })).toBeNull();
  });

  it('refuses skips, moves back and anything after closing, saying what comes next', () => {
    expect(refusalMessage(checkMove(at('received'), { to: 'responded', outcome: 'upheld' })!)).toBe(
      'A complaint moves through the steps in order: after “Received” comes “Acknowledged”, not “Responded”.',
    );
    expect(refusalMessage(checkMove(at('investigating'), { to: 'acknowledged' })!)).toBe('A complaint cannot go back from “Investigating” to “Acknowledged”. Its next step is “Responded”.');
    expect(refusalMessage(checkMove(at('closed'), { to: 'investigating' })!)).toBe('This complaint is closed, so it cannot move to “Investigating”. A closed complaint stays closed.');
    expect(checkMove(at('acknowledged'), { to: 'acknowledged' })).toEqual({ code: 'same', to: 'acknowledged' });
  });

  it('needs an outcome to respond, a reply when the child asked for one, and the reply sent before closing', () => {
    expect(checkMove(at('investigating'), { to: 'responded' })).toEqual({ code: 'outcome_required' });
    expect(checkMove(at('investigating', { wantsReply: true }), { to: 'responded', outcome: 'upheld', reply: '   ' })).toEqual({ code: 'reply_required' });
    expect(checkMove(at('responded', { wantsReply: true }), { to: 'closed' })).toEqual({ code: 'reply_not_sent' });
    expect(checkMove(at('responded', { wantsReply: true, replySentAt: new Date() }), { to: 'closed' })).toBeNull();
    expect(checkMove(at('responded'), { to: 'closed' })).toBeNull();
  });

  it('is overdue only after a deadline passes with its step not done', () => {
    const c = { acknowledgeDueAt: new Date('2026-11-25T17:00:00Z'), respondDueAt: new Date('2026-12-18T17:00:00Z'), acknowledgedAt: null, respondedAt: null };
    expect(overdueOf(c, new Date('2026-11-25T17:00:00Z'))).toEqual({ acknowledge: false, respond: false });
    expect(overdueOf(c, new Date('2026-11-25T17:00:01Z'))).toEqual({ acknowledge: true, respond: false });
    expect(overdueOf({ ...c, acknowledgedAt: new Date('2026-11-26T09:00:00Z') }, new Date('2026-12-19T09:00:00Z'))).toEqual({ acknowledge: false, respond: true });
  });
});
