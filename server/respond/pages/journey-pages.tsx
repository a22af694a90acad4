// The pages of the journey in form mode (one question per page), and the pages both modes
// share: the introduction, checking answers, and the thank-you.
import { assetUrl } from '../../http/static-assets.ts';
import type { QuestionView, StepError, Translate } from '../view/contract.ts';
import { ConcernNote, ErrorSummary, Honeypot, type Audience } from '../view/parts.tsx';
import { Page, type Frame } from './layout.tsx';
import { QuestionFields } from '../view/question-fields.tsx';

export interface IntroProps {
  frame: Frame;
  title: string;
  intro: string;
  personal: boolean;
  questionCount: number;
  resumed: boolean;
  /** Personal links start with a link; open links with a form that creates the draft. */
  start: { kind: 'link'; href: string } | { kind: 'form'; action: string; resumeHref?: string };
}

/** Roughly 20 seconds a question, never "0 minutes". */
export const minutesFor = (questions: number) => Math.max(1, Math.round((questions * 20) / 60));

/**
 * The scripts the first question's page runs, fetched while the introduction is read: on a slow
 * connection that page is then usable as soon as it arrives, not a round trip later.
 */
const firstStepScripts = (mode: 'form' | 'chat') => [assetUrl(mode), assetUrl('read-aloud')].filter((s): s is string => !!s);

export function IntroPage({ frame, title, intro, personal, questionCount, resumed, start }: IntroProps) {
  const { t } = frame;
  const who = personal ? 'personal' : 'open';
  const carryOn = resumed || (start.kind === 'form' && !!start.resumeHref);
  return (
    <Page frame={{ ...frame, preload: firstStepScripts(frame.prefs.mode) }} title={title}>
      <h1>{title}</h1>
      {carryOn && <p class="note">{t(`intro.${who}.welcomeBack`)}</p>}
      <p>{intro}</p>
      <ul>
        <li>{t(`intro.${who}.whoSees`)}</li>
        <li>{t('intro.skipAny')}</li>
        <li>
          {t('intro.questions', { count: questionCount })} {t('intro.time', { count: minutesFor(questionCount) })}
        </li>
      </ul>
      <p class="hint">{t('intro.modeHint')}</p>
      {start.kind === 'link' ? (
        <div class="actions">
          <a class="button" href={start.href}>
            {resumed ? t('intro.carryOn') : t('intro.start')}
          </a>
        </div>
      ) : (
        <div class="actions">
          {start.resumeHref && (
            <a class="button" href={start.resumeHref}>
              {t('intro.carryOn')}
            </a>
          )}
          <form method="post" action={start.action}>
            <Honeypot t={t} />
            <button type="submit" class={start.resumeHref ? 'button secondary' : 'button'}>
              {start.resumeHref ? t('intro.startAgain') : t('intro.start')}
            </button>
          </form>
        </div>
      )}
    </Page>
  );
}

export interface StepProps {
  frame: Frame;
  questionnaireTitle: string;
  view: QuestionView;
  backHref: string;
  fromCheck: boolean;
  errors: StepError[];
  concern: { audience: Audience; personal: boolean } | undefined;
}

export function stepTitle(t: Translate, view: QuestionView, questionnaireTitle: string, errors: StepError[]): string {
  return `${errors.length ? t('errorTitlePrefix') : ''}${t('stepTitle', { step: view.step, total: view.total, title: questionnaireTitle })}`;
}

export function FormStepPage({ frame, questionnaireTitle, view, backHref, fromCheck, errors, concern }: StepProps) {
  const { t } = frame;
  return (
    <Page frame={frame} title={stepTitle(t, view, questionnaireTitle, errors)}>
      <a class="back" href={backHref}>
        {fromCheck ? t('step.backToCheck') : t('step.back')}
      </a>
      <ErrorSummary t={t} errors={errors} />
      {concern && <ConcernNote t={t} audience={concern.audience} personal={concern.personal} />}
      <form method="post" action={view.stepUrl} novalidate>
        {fromCheck && <input type="hidden" name="from" value="check" />}
        <QuestionFields view={view} error={errors[0]?.message} t={t} />
        {/* The button shows only where the browser can speak; its room is kept either way, so nothing moves when it appears. */}
        <div class="read-aloud-slot">
          <button type="button" class="button secondary" data-read-aloud hidden>
            {t('step.readAloud')}
          </button>
        </div>
        <div class="actions">
          <button type="submit" class="button" name="action" value="continue">
            {t('step.continue')}
          </button>
          {!view.required && view.inputKind !== 'info' && (
            <button type="submit" class="button secondary" name="action" value="skip">
              {t('step.skip')}
            </button>
          )}
        </div>
      </form>
    </Page>
  );
}

export interface CheckRow {
  questionId: string;
  question: string;
  answer: string;
  changeHref: string;
}

export interface CheckProps {
  frame: Frame;
  questionnaireTitle: string;
  rows: CheckRow[];
  backHref: string;
  sendAction: string;
  honeypot: boolean;
  concern: { audience: Audience; personal: boolean } | undefined;
}

export function CheckPage({ frame, questionnaireTitle, rows, backHref, sendAction, honeypot, concern }: CheckProps) {
  const { t } = frame;
  return (
    <Page frame={frame} title={`${t('check.title')} – ${questionnaireTitle}`}>
      <a class="back" href={backHref}>
        {t('step.back')}
      </a>
      <h1>{t('check.title')}</h1>
      {concern && <ConcernNote t={t} audience={concern.audience} personal={concern.personal} />}
      <p>{rows.length ? t('check.intro') : t('check.nothingAnswered')}</p>
      <dl class="summary">
        {rows.map((r) => (
          <div key={r.questionId}>
            <dt>{r.question}</dt>
            <dd>{r.answer}</dd>
            <dd>
              <a href={r.changeHref}>
                {t('check.change')}
                <span class="visually-hidden"> {t('check.changeHidden', { question: r.question })}</span>
              </a>
            </dd>
          </div>
        ))}
      </dl>
      <p class="hint">{t('check.sendHint')}</p>
      <form method="post" action={sendAction}>
        {honeypot && <Honeypot t={t} />}
        <button type="submit" class="button">
          {t('check.send')}
        </button>
      </form>
    </Page>
  );
}

export function SentPage({ frame, thanks, concern, already }: { frame: Frame; thanks: string; concern: { audience: Audience; personal: boolean } | undefined; already?: boolean }) {
  const { t } = frame;
  return (
    <Page frame={frame} title={already ? t('sent.alreadySentTitle') : t('sent.title')}>
      <h1>{already ? t('sent.alreadySentTitle') : t('sent.heading')}</h1>
      {already ? <p>{t('sent.alreadySent')}</p> : thanks && <p>{thanks}</p>}
      {concern && <ConcernNote t={t} audience={concern.audience} personal={concern.personal} />}
      <p>{t('sent.closePage')}</p>
    </Page>
  );
}

export function ProblemPage({ frame, problem }: { frame: Frame; problem: string }) {
  const { t } = frame;
  return (
    <Page frame={frame} title={t(`problem.${problem}Title`)}>
      <h1>{t(`problem.${problem}Title`)}</h1>
      <p>{t(`problem.${problem}`)}</p>
    </Page>
  );
}
