// Answers kept offline on a (possibly shared) phone expire: the next time the chat opens, every
// kept answer older than a week is deleted, whichever questionnaire it was for.
import { afterEach, describe, expect, it } from 'vitest';
import { forgetDraft, forgetExpired, keep, MAX_AGE_MS, pendingFor } from '../../client/chat/pending.ts';

/** A Storage with the browser's semantics (node has none). */
class MemoryStorage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, String(v));
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
}

const g = globalThis as { localStorage?: unknown };
afterEach(() => delete g.localStorage);

describe('answers kept offline', () => {
  it('are deleted once older than a week, for every questionnaire on the phone, and kept until then', () => {
    g.localStorage = new MemoryStorage();
    const now = Date.now();
    keep({ url: '/q/old-draft/step/message', body: 'answer=x', text: 'my secret', at: now - MAX_AGE_MS - 1 });
    keep({ url: '/q/new-draft/step/message', body: 'answer=y', text: 'still waiting', at: now - 60_000 });
    (g.localStorage as MemoryStorage).setItem('heard:pending:/q/broken/step/x', '{not json');
    (g.localStorage as MemoryStorage).setItem('someone-else', 'untouched');
    expect(pendingFor('/q/new-draft').map((a) => a.text)).toEqual(['still waiting']);
    const left = g.localStorage as MemoryStorage;
    expect(left.getItem('heard:pending:/q/old-draft/step/message')).toBeNull();
    expect(left.getItem('heard:pending:/q/broken/step/x')).toBeNull();
    expect(left.getItem('someone-else')).toBe('untouched');
    forgetExpired(now + MAX_AGE_MS);
    expect(pendingFor('/q/new-draft')).toEqual([]);
  });

  it('are deleted for one questionnaire once it is sent or can no longer be answered, and only for that one', () => {
    g.localStorage = new MemoryStorage();
    const now = Date.now();
    keep({ url: '/q/sent-draft/step/a', body: 'a=1', text: 'one', at: now });
    keep({ url: '/q/sent-draft/step/b', body: 'b=2', text: 'two', at: now });
    keep({ url: '/q/sent-draft-2/step/a', body: 'a=1', text: 'a different draft whose id starts the same', at: now });
    forgetDraft('/q/sent-draft');
    expect(pendingFor('/q/sent-draft')).toEqual([]);
    expect(pendingFor('/q/sent-draft-2').map((a) => a.text)).toEqual(['a different draft whose id starts the same']);
  });
});
