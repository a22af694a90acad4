// A questionnaire on paper, for a child with no phone: A4, large type, a tick box for every
// option, lined boxes to write in, the "who will see this" words, and a box for the worker to
// write the case reference. Question for question and option for option it is the paper-entry
// page (server/inbox/entry-pages.tsx), so whoever keys it in finds each answer in the same place.
import type { TFunction } from 'i18next';
import type { Definition, Language, Question } from '../questionnaire/definition.ts';
import { localise, optionsOf } from '../questionnaire/options.ts';

type T = TFunction;

function Condition({ t, def, q, lang }: { t: T; def: Definition; q: Question; lang: Language }) {
  if (!q.showIf) return null;
  const at = def.questions.findIndex((x) => x.id === q.showIf!.questionId);
  const trigger = def.questions[at];
  if (!trigger) return null;
  const answers = q.showIf.anyOf.map((v) => localise(optionsOf(trigger).find((o) => o.value === v)?.label, lang) || v);
  return <p class="only-if">{t('paper.onlyIf', { number: numberOf(def, trigger), answers: answers.join(' / ') })}</p>;
}

/** Questions are numbered as a person reads them; information panels take no number. */
function numberOf(def: Definition, q: Question): number {
  return def.questions.filter((x) => x.type !== 'info').findIndex((x) => x.id === q.id) + 1;
}

function Boxes({ q, lang }: { q: Question; lang: Language }) {
  const options = optionsOf(q);
  if (q.type === 'rating') {
    return (
      <div class="rating">
        {q.minLabel && <span class="end">{localise(q.minLabel, lang)}</span>}
        <ul class="ticks across">
          {options.map((o) => (
            <li key={o.value}>
              <span class="box" aria-hidden="true" />
              {o.value}
            </li>
          ))}
        </ul>
        {q.maxLabel && <span class="end">{localise(q.maxLabel, lang)}</span>}
      </div>
    );
  }
  return (
    <ul class="ticks">
      {options.map((o) => (
        <li key={o.value}>
          <span class="box" aria-hidden="true" />
          {o.emoji && <span aria-hidden="true">{o.emoji} </span>}
          {localise(o.label, lang)}
        </li>
      ))}
    </ul>
  );
}

function PaperQuestion({ t, def, q, lang }: { t: T; def: Definition; q: Question; lang: Language }) {
  const title = localise(q.title, lang);
  if (q.type === 'info') {
    return (
      <section class="info">
        <h2>{title}</h2>
        {q.body && <p>{localise(q.body, lang)}</p>}
      </section>
    );
  }
  const how = q.type === 'multiple_choice' ? t('paper.tickAll') : q.type === 'short_text' || q.type === 'long_text' || q.type === 'contact' ? t('paper.write') : t('paper.tickOne');
  return (
    <section class="question" data-question={q.id}>
      <h2>
        <span class="number">{numberOf(def, q)}.</span> {title}
      </h2>
      <Condition t={t} def={def} q={q} lang={lang} />
      {q.hint && <p class="hint">{localise(q.hint, lang)}</p>}
      <p class="how">{how}</p>
      {q.type === 'short_text' ? (
        <div class="write short" />
      ) : q.type === 'long_text' ? (
        <div class="write long" />
      ) : q.type === 'contact' ? (
        <dl class="contact">
          {q.fields.map((f) => (
            <div key={f}>
              <dt>{t(`paper.contact.${f}`)}</dt>
              <dd class="write short" />
            </div>
          ))}
        </dl>
      ) : (
        <Boxes q={q} lang={lang} />
      )}
    </section>
  );
}

export function PaperQuestionnaire({ t, respond, def, lang }: { t: T; respond: T; def: Definition; lang: Language }) {
  return (
    <>
      <div class="screen-only">
        <h1>{t('paper.screenTitle', { title: localise(def.title, lang) })}</h1>
        <p>{t('paper.instructions')}</p>
      </div>
      <article class="sheet paper">
        <header>
          <h1>{localise(def.title, lang)}</h1>
          <div class="for-worker">
            <p>{t('paper.forWorker')}</p>
            <p>
              {t('paper.caseReference')} <span class="write ref" />
            </p>
          </div>
        </header>
        {def.intro && <p>{localise(def.intro, lang)}</p>}
        <p>
          <strong>{respond('intro.personal.whoSees')}</strong>
        </p>
        <p>{respond('intro.skipAny')}</p>
        {def.questions.map((q) => (
          <PaperQuestion key={q.id} t={t} def={def} q={q} lang={lang} />
        ))}
        <p class="thanks">{t('paper.thanks')}</p>
      </article>
    </>
  );
}
