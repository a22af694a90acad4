// Interface text in the browser without i18next: the server sends each string once, already
// translated, with its {{placeholders}} kept; this fills them in.
import type { Translate } from '../../server/respond/view/contract.ts';

export function translateFrom(strings: Record<string, string>): Translate {
  return (key, vars) => (strings[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars?.[name] ?? ''));
}
