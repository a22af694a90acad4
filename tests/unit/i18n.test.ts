import { describe, expect, it } from 'vitest';
import { directionOf, translator } from '../../server/i18n/index.ts';

describe('interface text', () => {
  it('reads text from the locale files and falls back to English', () => {
    expect(translator('en', 'common')('appName')).toBe('Heard');
    expect(translator('xx', 'common')('appName')).toBe('Heard');
  });
  it('knows Urdu is written right to left', () => {
    expect(directionOf('ur')).toBe('rtl');
    expect(directionOf('cy')).toBe('ltr');
  });
});
