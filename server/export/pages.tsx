// The export form: questionnaire, area, dates and stage; downloads the CSV by GET.
import type { TFunction } from 'i18next';
import { STAGES } from '../../db/schema.ts';
import { ErrorSummary as SharedErrorSummary } from '../ui/form-parts.tsx';

export interface ExportFormProps {
  t: TFunction;
  questionnaires: { slug: string; title: string }[];
  areas: { id: string; name: string }[];
  /** Area-scoped roles have one area and no "all areas". */
  allAreas: boolean;
  values: Record<string, string>;
  errors: { field: string; message: string }[];
}

const FIELD_IDS: Record<string, string> = { questionnaire: 'questionnaire', area: 'area', from: 'from', to: 'to', stage: 'stage' };

export function ExportForm({ t, questionnaires, areas, allAreas, values, errors }: ExportFormProps) {
  const errorFor = (f: string) => errors.find((e) => e.field === f)?.message;
  const labelOf = (f: string) => (f === 'from' || f === 'to' || f === 'questionnaire' || f === 'area' || f === 'stage' ? t(f) : f);
  return (
    <>
      <SharedErrorSummary title={t('problem')} errors={errors.map((e) => ({ id: FIELD_IDS[e.field] ?? 'questionnaire', message: `${labelOf(e.field)}: ${e.message}` }))} />
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <p class="notice">{t('safety')}</p>
      {questionnaires.length === 0 ? (
        <p>{t('noQuestionnaires')}</p>
      ) : (
        <form method="get" action="/staff/export/responses.csv">
          <label for="questionnaire">{t('questionnaire')}</label>
          {errorFor('questionnaire') && <p class="error">{errorFor('questionnaire')}</p>}
          <select id="questionnaire" name="questionnaire">
            {questionnaires.map((q) => (
              <option key={q.slug} value={q.slug} selected={values.questionnaire === q.slug}>
                {`${q.title} (${q.slug})`}
              </option>
            ))}
          </select>
          <label for="area">{t('area')}</label>
          <select id="area" name="area">
            {allAreas && <option value="">{t('allAreas')}</option>}
            {areas.map((a) => (
              <option key={a.id} value={a.id} selected={values.area === a.id}>
                {a.name}
              </option>
            ))}
          </select>
          {(['from', 'to'] as const).map((f) => (
            <div key={f}>
              <label for={f}>{t(f)}</label>
              <p class="hint" id={`${f}-hint`}>
                {t('dateHint')}
              </p>
              {errorFor(f) && <p class="error">{errorFor(f)}</p>}
              <input type="date" id={f} name={f} value={values[f] ?? ''} aria-describedby={`${f}-hint`} />
            </div>
          ))}
          <label for="stage">{t('stage')}</label>
          <select id="stage" name="stage">
            <option value="">{t('anyStage')}</option>
            {STAGES.map((s) => (
              <option key={s} value={s} selected={values.stage === s}>
                {t(`stages.${s}`)}
              </option>
            ))}
          </select>
          <div class="choice">
            <input type="checkbox" id="caseReferences" name="caseReferences" value="yes" checked={values.caseReferences === 'yes'} aria-describedby="caseReferences-hint" />
            <label for="caseReferences">{t('caseReferences')}</label>
          </div>
          <p class="hint" id="caseReferences-hint">
            {t('caseReferencesHint')}
          </p>
          <p>
            <button type="submit">{t('download')}</button>
          </p>
        </form>
      )}
    </>
  );
}
