// Paper questionnaires, for staff to print for a child or victim with no phone:
//   GET /staff/print/paper                       the questionnaires this person can print, in each language
//   GET /staff/print/paper/:questionnaireId?lang  the A4 paper version in that language
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.ts';
import { ApiError, errorText } from '../http/errors.ts';
import { LANGUAGE_NAMES, translator } from '../i18n/index.ts';
import { pageTranslator } from '../i18n/request-language.ts';
import { invitableQuestionnaires } from '../invitations/store.ts';
import { LANGUAGES } from '../questionnaire/definition.ts';
import { latestVersion, listQuestionnaires } from '../questionnaire/store.ts';
import { caseKindsFor } from '../staff/policy.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import { requireStaff } from '../staff/session.ts';
import { TableWrap } from '../ui/form-parts.tsx';
import { renderStaffPage } from '../ui/staff-page.tsx';
import type { Queryable } from '../../db/index.ts';
import { renderPrintDocument } from '../print/layout.tsx';
import { PaperQuestionnaire } from './questionnaire.tsx';
import { PAPER_CSS } from '../print/styles.ts';
import { sendHtml } from '../http/compress.ts';

const gate = requireStaff('responses.enter');
const Query = z.object({ lang: z.enum(LANGUAGES).catch('en').default('en') });

/** The questionnaires this person sends to the people they work with: children's, victims', or both. */
async function printable(db: Queryable, p: StaffPrincipal) {
  const kinds = caseKindsFor(p);
  return (await Promise.all(kinds.map((k) => invitableQuestionnaires(db, p.serviceId, k)))).flat();
}

export const paperRoutes = new Hono<AppEnv>();

paperRoutes.get('/staff/print/paper', gate, async (c) => {
  const t = pageTranslator('paper');
  const all = await listQuestionnaires(c.var.deps.db, c.var.staff.serviceId);
  const rows = (await printable(c.var.deps.db, c.var.staff)).map((q) => ({ ...q, languages: all.find((v) => v.questionnaireId === q.id)?.definition.languages ?? ['en'] }));
  return renderStaffPage(c, {
    title: t('paper.chooserTitle'),
    active: 'cases',
    body: (
      <>
        <h1>{t('paper.chooserTitle')}</h1>
        <p>{t('paper.chooserIntro')}</p>
        <TableWrap label={t('paper.chooserTable')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('paper.questionnaire')}</th>
                <th scope="col">{t('paper.languages')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((q) => (
                <tr key={q.id}>
                  <td>{q.title}</td>
                  <td>
                    <ul class="links">
                      {q.languages.map((l) => (
                        <li key={l}>
                          <a href={`/staff/print/paper/${q.id}?lang=${l}`} lang={l} hreflang={l}>
                            {LANGUAGE_NAMES[l]}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </>
    ),
  });
});

paperRoutes.get('/staff/print/paper/:questionnaireId', gate, async (c) => {
  const { db } = c.var.deps;
  const { lang } = Query.parse({ lang: c.req.query('lang') });
  const chosen = (await printable(db, c.var.staff)).find((q) => q.id === c.req.param('questionnaireId'));
  const version = chosen && (await latestVersion(db, c.var.staff.serviceId, chosen.slug));
  if (!version) throw new ApiError(404, 'not_found', errorText('notFound.paper'));
  const def = version.definition;
  if (!def.languages.includes(lang)) throw new ApiError(404, 'not_found', errorText('notFound.paperLanguage'));
  const t = translator(lang, 'paper');
  const page = <PaperQuestionnaire t={t} respond={translator(lang, 'respond')} def={def} lang={lang} />;
  return sendHtml(c, renderPrintDocument({ lang, title: t('paper.screenTitle', { title: def.title[lang] ?? def.title.en }), nonce: c.get('secureHeadersNonce'), css: PAPER_CSS, children: page }));
});
