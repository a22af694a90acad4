// Phrases in free text that need a person to read it soon ("please review"), one JSON list per
// language in ./phrases/{lang}.json — maintained by editing those files.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const dir = fileURLToPath(new URL('./phrases', import.meta.url));
let cached: string[] | undefined;

/** Every language's phrases, merged (a child may write in any language). */
export function safeguardingPhrases(): readonly string[] {
  cached ??= readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => z.array(z.string().min(1)).parse(JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'))));
  return cached;
}
