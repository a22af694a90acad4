// The answer scales the built-in instruments share, written out in every language (the engine's
// presets are reused where they fit). Which options count as positive or as a concern is decided here.
import type { Option } from '../definition.ts';
import { PRESET_OPTIONS } from '../options.ts';
import { t } from './text.ts';

const preset = (type: keyof typeof PRESET_OPTIONS): Option[] => structuredClone(PRESET_OPTIONS[type]);
const labelOf = (value: string) => PRESET_OPTIONS.yes_no.find((o) => o.value === value)!.label;

/** All / most / some of the time / never; "all" and "most" are positive. */
export function frequencyOptions(): Option[] {
  return preset('frequency');
}

/** Yes / No / Not sure; "yes" is the positive answer and "not sure" is left out of percentages. */
export function yesNoOptions(): Option[] {
  return preset('yes_no');
}

/** Plain Yes / No for choices that are neither good nor bad (e.g. "would you like a reply?"). */
export function plainYesNoOptions(): Option[] {
  return [
    { value: 'yes', label: { ...labelOf('yes') } },
    { value: 'no', label: { ...labelOf('no') } },
  ];
}

/** A question where "yes" is the worrying answer ("do you still feel unsafe?"). */
export function worryYesNoOptions(): Option[] {
  return [
    { value: 'yes', label: { ...labelOf('yes') }, concern: true },
    { value: 'no', label: { ...labelOf('no') }, positive: true },
    { value: 'not_sure', label: { ...labelOf('not_sure') }, excludeFromBase: true },
  ];
}

/** Five faces, best first; the two happy faces are positive. */
export function facesOptions(): Option[] {
  return preset('faces');
}

/**
 * The self-assessment's three steps, from "not going well" to "going brilliantly", numbered so
 * start and end can be compared (distance travelled). `concernWhenNotWell` marks the lowest one.
 */
export function lifeAreaOptions(concernWhenNotWell = false): Option[] {
  return [
    {
      value: '1',
      emoji: '🙁',
      label: t('Not going well', 'Ddim yn mynd yn dda', 'Nie idzie dobrze', 'Nu merge bine', 'اچھا نہیں چل رہا'),
      ...(concernWhenNotWell ? { concern: true } : {}),
    },
    { value: '2', emoji: '😐', label: t('OK', 'Iawn', 'W porządku', 'OK', 'ٹھیک ہے'), positive: true },
    { value: '3', emoji: '😀', label: t('Going brilliantly', 'Mynd yn wych', 'Idzie świetnie', 'Merge foarte bine', 'بہت اچھا چل رہا ہے'), positive: true },
  ];
}

/** Very satisfied … very dissatisfied, plus "does not apply" which is left out of percentages. */
export function satisfactionOptions(): Option[] {
  return [
    { value: 'very_satisfied', label: t('Very satisfied', 'Bodlon iawn', 'Bardzo zadowolony/zadowolona', 'Foarte mulțumit(ă)', 'بہت مطمئن'), positive: true },
    { value: 'satisfied', label: t('Satisfied', 'Bodlon', 'Zadowolony/zadowolona', 'Mulțumit(ă)', 'مطمئن'), positive: true },
    {
      value: 'neither',
      label: t('Neither satisfied nor dissatisfied', 'Ddim yn fodlon nac yn anfodlon', 'Ani zadowolony/zadowolona, ani niezadowolony/niezadowolona', 'Nici mulțumit(ă), nici nemulțumit(ă)', 'نہ مطمئن، نہ غیر مطمئن'),
    },
    { value: 'dissatisfied', label: t('Dissatisfied', 'Anfodlon', 'Niezadowolony/niezadowolona', 'Nemulțumit(ă)', 'غیر مطمئن') },
    { value: 'very_dissatisfied', label: t('Very dissatisfied', 'Anfodlon iawn', 'Bardzo niezadowolony/niezadowolona', 'Foarte nemulțumit(ă)', 'بہت غیر مطمئن') },
    { value: 'not_applicable', label: t('Does not apply to me', 'Ddim yn berthnasol i mi', 'Nie dotyczy mnie', 'Nu se aplică în cazul meu', 'مجھ پر لاگو نہیں ہوتا'), excludeFromBase: true },
  ];
}
