// Who it is for (and how they may answer), the title and words around the questions, and links.
import { AUDIENCES, MODES } from '../../questionnaire/definition.ts';
import { ChoiceGroup, TextArea, TextField, type FieldError } from '../../ui/form-parts.tsx';
import { draftPath } from '../paths.ts';
import type { Draft } from '../store.ts';
import { BackToTasks, ErrorSummary, errorFor, PostForm, t } from './common.tsx';

// A questionnaire's audience in the builder's words; "staff" stays for existing definitions.
const OFFERED = AUDIENCES.filter((a) => a !== 'staff');

export function AudiencePage({ draft, values, errors, csrfToken }: { draft: Draft; values: { audience: string; modes: string[] }; errors: FieldError[]; csrfToken: string }) {
  const audiences = values.audience === 'staff' ? AUDIENCES : OFFERED;
  return (
    <>
      <BackToTasks slug={draft.slug} />
      <ErrorSummary errors={errors} />
      <h1>{t('audience.title')}</h1>
      <PostForm action={`${draftPath(draft.slug)}/audience`} csrfToken={csrfToken}>
        <ChoiceGroup
          id="audience"
          name="audience"
          type="radio"
          legend={t('audience.legend')}
          hint={draft.questionnaireId ? t('audience.publishedHint') : t('audience.hint')}
          options={audiences.map((a) => ({ value: a, label: t(`audience.options.${a}`) }))}
          checked={[values.audience]}
          error={errorFor(errors, 'audience')}
        />
        <ChoiceGroup id="modes" name="modes" type="checkbox" legend={t('audience.modesLegend')} hint={t('audience.modesHint')} options={MODES.map((m) => ({ value: m, label: t(`audience.modes.${m}`) }))} checked={values.modes} error={errorFor(errors, 'modes')} />
        <button type="submit">{t('saveAndContinue')}</button>
      </PostForm>
    </>
  );
}

export function DetailsPage({ draft, values, errors, csrfToken }: { draft: Draft; values: { title: string; intro: string; thanks: string; guideName: string }; errors: FieldError[]; csrfToken: string }) {
  return (
    <>
      <BackToTasks slug={draft.slug} />
      <ErrorSummary errors={errors} />
      <h1>{t('details.title')}</h1>
      <PostForm action={`${draftPath(draft.slug)}/details`} csrfToken={csrfToken}>
        <TextField id="title" label={t('details.titleLabel')} value={values.title} error={errorFor(errors, 'title')} />
        <TextArea id="intro" label={t('details.intro')} hint={t('details.introHint')} value={values.intro} error={errorFor(errors, 'intro')} />
        <TextArea id="thanks" label={t('details.thanks')} hint={t('details.thanksHint')} value={values.thanks} error={errorFor(errors, 'thanks')} />
        <TextField id="guideName" label={t('details.guideName')} hint={t('details.guideNameHint')} value={values.guideName} />
        <button type="submit">{t('saveAndContinue')}</button>
      </PostForm>
    </>
  );
}

export function LinksPage({ draft, csrfToken }: { draft: Draft; csrfToken: string }) {
  return (
    <>
      <BackToTasks slug={draft.slug} />
      <h1>{t('links.title')}</h1>
      <p>{t('links.intro')}</p>
      <PostForm action={`${draftPath(draft.slug)}/links`} csrfToken={csrfToken}>
        <ChoiceGroup
          id="openLink"
          name="openLink"
          type="radio"
          legend={t('links.legend')}
          options={[
            { value: 'on', label: t('links.on') },
            { value: 'off', label: t('links.off') },
          ]}
          checked={[draft.openLinkEnabled ? 'on' : 'off']}
        />
        <button type="submit">{t('saveAndContinue')}</button>
      </PostForm>
    </>
  );
}
