// The respondent stylesheet as a file as well: its name carries a hash of its content, so a phone
// keeps it for a year. The first page of a visit (an introduction, the front door, an error page)
// carries it inline, as ever, and fetches the file alongside; the pages after (each question,
// check, thank you) then only link it, about 1.8 KB gzipped less on every one of them.
import { createHash } from 'node:crypto';
import { RESPONDENT_CSS } from './styles.ts';

export const STYLESHEET_URL = `/assets/respondent-${createHash('sha256').update(RESPONDENT_CSS).digest('hex').slice(0, 12)}.css`;
