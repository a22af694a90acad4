// Where a text sits, in words, for the translation page and the translator's CSV.
import { translator } from '../i18n/index.ts';
import { pageTranslator } from '../i18n/request-language.ts';

const t = pageTranslator('builder');

export const whereLabel = (s: { where: { question?: number; part: string } }) => {
  const part = t(`parts.${s.where.part}`, { defaultValue: s.where.part });
  return s.where.question ? t('translate.whereQuestion', { n: s.where.question, part }) : part;
};
