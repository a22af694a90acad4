// Where a text sits, in words, for the translation page and the translator's CSV.
import { translator } from '../i18n/index.ts';

const t = translator('en', 'builder');

export const whereLabel = (s: { where: { question?: number; part: string } }) => {
  const part = t(`parts.${s.where.part}`, { defaultValue: s.where.part });
  return s.where.question ? t('translate.whereQuestion', { n: s.where.question, part }) : part;
};
