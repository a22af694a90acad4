import { describe, expect, it } from 'vitest';
import { withoutQuotedValues } from '../../server/http/errors.ts';

describe('an unexpected error as it is logged', () => {
  it('keeps what went wrong but drops the values a database error quotes', () => {
    expect(withoutQuotedValues('invalid input syntax for type uuid: "I am scared at home"')).toBe('invalid input syntax for type uuid: "…"');
    expect(withoutQuotedValues("value too long for 'Sam, 07700 900123'")).toBe('value too long for "…"');
    expect(withoutQuotedValues('x'.repeat(1000))).toHaveLength(300);
  });
});
