// The pack pages: choosing the quarter and place, writing the commentary and choosing the parts of
// the report; and the pack itself, a printable page (the shared report's print styles: A4, a new
// page for each charted section, headers and footers).
import type { ComponentChildren } from 'preact';
import { pageTranslator } from '../i18n/request-language.ts';
import { ChoiceGroup, ErrorSummary, SelectField, TextArea } from '../ui/form-parts.tsx';
import { CsrfField } from '../ui/staff-page.tsx';
import { MAX_COMMENTARY } from './form.ts';
import { PACK_SECTIONS } from './pack.ts';

const t = pageTranslator('participation');

export interface PackFormProps {
  csrf: string;
  areas: { id: string; name: string }[];
  /** Whether the whole service is a choice (not for an area's team manager). */
  wholeService: boolean;
  periods: { value: string; label: string }[];
  place: { area: string | null; period: string; label: string; periodLabel: string };
  commentary: string;
  sections: string[];
  savedAt: string | null;
  errors: { field: string; message: string }[];
}

export function PackFormPage(props: PackFormProps) {
  const error = (field: string) => props.errors.find((e) => e.field === field)?.message;
  const areaOptions = [...(props.wholeService ? [{ value: '', label: t('choose.wholeService') }] : []), ...props.areas.map((a) => ({ value: a.id, label: a.name }))];
  return (
    <>
      <ErrorSummary title={t('errors.title')} errors={props.errors.map((e) => ({ id: e.field, message: e.message }))} />
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <form method="get" action="/staff/participation-pack">
        <h2>{t('choose.heading')}</h2>
        <SelectField id="area" label={t('choose.area')} value={props.place.area ?? ''} options={areaOptions} />
        <SelectField id="period" label={t('choose.period')} value={props.place.period} options={props.periods} />
        <p>
          <button type="submit" class="secondary">
            {t('choose.show')}
          </button>
        </p>
      </form>
      <form method="post" action="/staff/participation-pack" novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="area" value={props.place.area ?? ''} />
        <input type="hidden" name="period" value={props.place.period} />
        <h2>{t('form.heading', { place: props.place.label, period: props.place.periodLabel })}</h2>
        <p class="muted">{props.savedAt ? t('form.saved', { when: props.savedAt }) : t('form.notSaved')}</p>
        <TextArea id="commentary" label={t('form.commentary')} hint={t('form.commentaryHint')} error={error('commentary')} value={props.commentary} rows={10} maxLength={MAX_COMMENTARY} />
        <ChoiceGroup
          id="sections"
          name="sections"
          type="checkbox"
          legend={<h3>{t('form.sections')}</h3>}
          hint={t('form.sectionsHint')}
          error={error('sections')}
          options={PACK_SECTIONS.map((s) => ({ value: s, label: t(`sections.${s}`) }))}
          checked={props.sections}
        />
        <p>
          <button type="submit">{t('form.save')}</button>
        </p>
      </form>
    </>
  );
}

/** The lead's commentary, paragraph by paragraph, before the report's figures. */
export function Commentary({ text }: { text: string }): ComponentChildren {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  if (paragraphs.length === 0) return null;
  return (
    <section aria-labelledby="commentary-heading" class="commentary">
      <h2 id="commentary-heading">{t('view.commentary')}</h2>
      {paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </section>
  );
}

export function PackLinks({ edit }: { edit: string }) {
  return (
    <p class="back">
      <a href={edit}>{t('view.edit')}</a> <span class="muted">{t('view.print')}</span>
    </p>
  );
}
