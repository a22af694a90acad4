// The pages for keying in a paper form or a phone call: first who and how, then the whole
// questionnaire on one page (every question, with the ones that depend on an earlier answer
// saying so), then a confirmation.
import { requestLanguage } from '../i18n/request-language.ts';
import type { TFunction } from 'i18next';
import type { Definition, Question } from '../questionnaire/definition.ts';
import { localise, optionsOf } from '../questionnaire/options.ts';
import { CsrfField } from '../ui/staff-page.tsx';
import { ChoiceGroup, ErrorSummary, SelectField, TextArea, TextField, type FieldError } from '../ui/form-parts.tsx';
import type { CaseDetail } from '../cases/store.ts';
import type { StoredVersion } from '../questionnaire/store.ts';
import { fieldName, type EntryError } from './entry-form.ts';
import { WHOLE_SERVICE, type EntryContext, type EntryMetaValues, type MetaField } from './entry.ts';

type T = TFunction;

export function EntryStartPage(props: {
  t: T;
  values: EntryMetaValues;
  errors: { field: MetaField; key: string }[];
  forCase: CaseDetail | undefined;
  choices: StoredVersion[];
  /** Areas to choose from (service-wide roles), or the one fixed area's name. */
  area: { choose: { id: string; name: string }[] } | { fixed: string };
}) {
  const { t, values, errors, forCase } = props;
  const errorOf = (f: MetaField) => {
    const e = errors.find((x) => x.field === f);
    return e ? t(e.key) : undefined;
  };
  const ids: Record<MetaField, string> = { questionnaire: 'questionnaire', case: 'questionnaire', area: 'area', channel: 'channel-0', stage: 'stage' };
  const anyStaged = props.choices.some((q) => q.definition.staged);
  return (
    <>
      <ErrorSummary title={t('errors.summary')} errors={errors.map((e) => ({ id: ids[e.field], message: t(e.key) }))} />
      <h1>{t('entry.startTitle')}</h1>
      <p>{t('entry.startIntro')}</p>
      <form method="get" action="/staff/responses/enter/form" novalidate>
        {forCase ? (
          <>
            <p>
              <strong>{t('entry.forCase', { reference: forCase.caseReference })}</strong>
            </p>
            <input type="hidden" name="case" value={forCase.id} />
          </>
        ) : 'choose' in props.area ? (
          <SelectField
            id="area"
            label={t('entry.area')}
            hint={t('entry.areaHint')}
            error={errorOf('area')}
            value={values.area}
            blank=""
            options={[...props.area.choose.map((a) => ({ value: a.id, label: a.name })), { value: WHOLE_SERVICE, label: t('entry.wholeService') }]}
          />
        ) : (
          <p>{t('entry.areaFixed', { area: props.area.fixed })}</p>
        )}
        <SelectField
          id="questionnaire"
          label={t('entry.questionnaire')}
          error={errorOf('questionnaire')}
          value={values.questionnaire}
          blank={t('entry.choose')}
          options={props.choices.map((q) => ({ value: q.questionnaireId, label: q.definition.title.en }))}
        />
        {anyStaged && (
          <SelectField
            id="stage"
            label={t('entry.stage')}
            error={errorOf('stage')}
            value={values.stage}
            blank={t('entry.stageNone')}
            options={(['start', 'review', 'end'] as const).map((s) => ({ value: s, label: t(`stage.${s}`) }))}
          />
        )}
        <ChoiceGroup
          id="channel"
          name="channel"
          type="radio"
          legend={t('entry.channel')}
          error={errorOf('channel')}
          checked={[values.channel]}
          options={[
            { value: 'paper', label: t('entry.paper') },
            { value: 'phone', label: t('entry.phone') },
          ]}
        />
        <button type="submit">{t('entry.continue')}</button>
      </form>
    </>
  );
}

const given = (values: Record<string, unknown>, id: string): string[] => {
  const v = values[id];
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v.map(String) : [String(v)];
};

/** The id of the first control of a question, for the error summary's link. */
export function firstControlId(q: Question): string {
  if (q.type === 'contact') return `${fieldName(q)}_${q.fields[0]}`;
  if (q.type === 'short_text' || q.type === 'long_text') return fieldName(q);
  return `${fieldName(q)}-0`;
}

function QuestionField({ t, def, q, values, error }: { t: T; def: Definition; q: Question; values: Record<string, unknown>; error?: string }) {
  const title = localise(q.title, requestLanguage());
  const trigger = q.showIf ? def.questions.find((x) => x.id === q.showIf!.questionId) : undefined;
  const condition =
    q.showIf && trigger
      ? t('entry.onlyIf', {
          question: localise(trigger.title, requestLanguage()),
          answers: q.showIf.anyOf.map((v) => localise(optionsOf(trigger).find((o) => o.value === v)?.label, 'en') || v).join(' / '),
        })
      : undefined;
  const hint = [condition, q.hint ? localise(q.hint, requestLanguage()) : '', q.type === 'multiple_choice' && q.maxChoices ? t('entry.maxChoices', { count: q.maxChoices }) : ''].filter(Boolean).join(' · ') || undefined;
  const name = fieldName(q);
  switch (q.type) {
    case 'info':
      return (
        <div class="notice">
          <p>
            <strong>{title}</strong>
          </p>
          {q.body && <p>{localise(q.body, requestLanguage())}</p>}
        </div>
      );
    case 'short_text':
      return <TextField id={name} label={title} hint={hint} error={error} value={given(values, q.id)[0] ?? ''} />;
    case 'long_text':
      return <TextArea id={name} label={title} hint={hint} error={error} value={given(values, q.id)[0] ?? ''} maxLength={q.maxLength} />;
    case 'contact': {
      const v = (values[q.id] as Record<string, string> | undefined) ?? {};
      return (
        <fieldset aria-describedby={error ? `${name}-error` : undefined}>
          <legend>{title}</legend>
          {hint && <p class="hint">{hint}</p>}
          {error && (
            <p class="error" id={`${name}-error`}>
              {error}
            </p>
          )}
          {q.fields.map((f) => (
            <TextField key={f} id={`${name}_${f}`} label={t(`entry.contactField.${f}`)} value={v[f] ?? ''} />
          ))}
        </fieldset>
      );
    }
    case 'multiple_choice':
      return (
        <ChoiceGroup id={name} name={name} type="checkbox" legend={title} hint={hint} error={error} checked={given(values, q.id)} options={optionsOf(q).map((o) => ({ value: o.value, label: localise(o.label, requestLanguage()) }))} />
      );
    default: {
      const options = optionsOf(q).map((o) => ({ value: o.value, label: localise(o.label, requestLanguage()) }));
      const chosen = given(values, q.id);
      return (
        <ChoiceGroup
          id={name}
          name={name}
          type="radio"
          legend={title}
          hint={hint}
          error={error}
          checked={chosen.length > 0 ? chosen : ['']}
          options={[{ value: '', label: t('view.skipped') }, ...options]}
        />
      );
    }
  }
}

export function EntryFormPage(props: {
  t: T;
  csrf: string;
  ctx: EntryContext;
  responseId: string;
  values: Record<string, unknown>;
  receivedOn: string;
  errors: EntryError[];
  dateInvalid: boolean;
}) {
  const { t, ctx, errors } = props;
  const def = ctx.version.definition;
  const byId = new Map(def.questions.map((q) => [q.id, q]));
  const summary: FieldError[] = errors.map((e) => ({ id: firstControlId(byId.get(e.questionId)!), message: t(`errors.answer.${e.key}`, { question: localise(byId.get(e.questionId)!.title, requestLanguage()) }) }));
  if (props.dateInvalid) summary.unshift({ id: 'receivedOn', message: t('errors.dateInvalid') });
  const cancel = ctx.forCase ? `/staff/cases/${ctx.forCase.id}` : '/staff/responses';
  return (
    <>
      <ErrorSummary title={t('errors.summary')} errors={summary} />
      <h1>{t('entry.formTitle', { questionnaire: def.title.en })}</h1>
      <p>
        <strong>{ctx.forCase ? t('entry.forCase', { reference: ctx.forCase.caseReference }) : t('entry.areaFixed', { area: ctx.areaName ?? t('entry.wholeService') })}</strong> ·{' '}
        {t(ctx.channel === 'paper' ? 'entry.paper' : 'entry.phone')}
        {ctx.stage !== 'none' && <> · {t(`stage.${ctx.stage}`)}</>}
      </p>
      <p>{t('entry.formIntro')}</p>
      <form method="post" action="/staff/responses/enter" novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="responseId" value={props.responseId} />
        <input type="hidden" name="questionnaire" value={ctx.values.questionnaire} />
        <input type="hidden" name="case" value={ctx.values.case} />
        <input type="hidden" name="area" value={ctx.values.area} />
        <input type="hidden" name="channel" value={ctx.channel} />
        <input type="hidden" name="stage" value={ctx.values.stage} />
        <div>
          <label for="receivedOn">{t('entry.receivedOn')}</label>
          <p class="hint" id="receivedOn-hint">
            {t('entry.receivedOnHint')}
          </p>
          {props.dateInvalid && (
            <p class="error" id="receivedOn-error">
              {t('errors.dateInvalid')}
            </p>
          )}
          <input type="date" id="receivedOn" name="receivedOn" value={props.receivedOn} aria-describedby={props.dateInvalid ? 'receivedOn-hint receivedOn-error' : 'receivedOn-hint'} />
        </div>
        {def.questions.map((q) => {
          const e = errors.find((x) => x.questionId === q.id);
          return <QuestionField key={q.id} t={t} def={def} q={q} values={props.values} error={e ? t(`errors.answer.${e.key}`, { question: localise(q.title, requestLanguage()) }) : undefined} />;
        })}
        <button type="submit">{t('entry.save')}</button>
        <a class="button secondary" href={cancel}>
          {t('entry.cancel')}
        </a>
      </form>
    </>
  );
}

export function EntrySavedPage({ t, alerts, complaint, forCaseId }: { t: T; alerts: number; complaint: boolean; forCaseId?: string }) {
  return (
    <>
      <h1>{t('entry.savedTitle')}</h1>
      <div class="success" role="status">
        <p>{t('entry.savedBody')}</p>
        {alerts > 0 && <p>{t('entry.savedAlerts', { count: alerts })}</p>}
        {complaint && <p>{t('entry.savedComplaint')}</p>}
      </div>
      <p>{t('entry.savedHidden')}</p>
      <p>
        <a href={forCaseId ? `/staff/responses/enter?case=${forCaseId}` : '/staff/responses/enter'}>{t('entry.another')}</a>
      </p>
      <p>
        <a href="/staff">{t('entry.home')}</a>
      </p>
    </>
  );
}
