// The choices a report page offers (period, area, version…), limited to what the person may see.
import type { Queryable } from '../../db/index.ts';
import { listQuestionnaires } from '../questionnaire/store.ts';
import { isVictimQuestionnaire } from './context.ts';
import { tr } from './format.ts';
import type { GrantedReport } from './access.ts';
import type { ReportModel } from './model.ts';
import { boundsOf, formatPeriod, quarterOf, shiftQuarter, type Period } from './period.ts';
import type { ReportQuery } from './params.ts';
import type { Choice, ReportControls } from './render/html.tsx';

/** The periods to offer; a shared report only those that have ended (a running one grows day by day). */
function periodChoices(now: Date, zone: string, endedOnly: boolean): Choice[] {
  const current = quarterOf(now, zone);
  const periods: Period[] = [];
  for (let i = 0; i < 8; i++) periods.push(shiftQuarter(current, -i));
  for (let y = 0; y < 2; y++) periods.push({ kind: 'half', year: current.year - y, half: 2 }, { kind: 'half', year: current.year - y, half: 1 });
  for (let y = 0; y < 3; y++) periods.push({ kind: 'year', year: current.year - y });
  return periods.filter((p) => !endedOnly || boundsOf(p, zone).end <= now).map((p) => ({ value: formatPeriod(p), label: boundsOf(p, zone).label }));
}

export async function reportControls(
  db: Queryable,
  path: string,
  model: ReportModel,
  grant: GrantedReport,
  query: ReportQuery,
  opts: { areas: { slug: string; name: string; id: string }[]; now: Date },
): Promise<ReportControls> {
  const fields: ReportControls['fields'] = [
    { name: 'period', label: tr('controls.period'), value: model.period.text, choices: periodChoices(opts.now, model.timeZone, model.audience === 'shared') },
  ];
  if (grant.chooseArea) {
    const current = model.area ? (opts.areas.find((a) => a.id === model.area!.id)?.slug ?? 'all') : 'all';
    fields.push({ name: 'area', label: tr('controls.area'), value: current, choices: [{ value: 'all', label: tr('scope.wholeService') }, ...opts.areas.map((a) => ({ value: a.slug, label: a.name }))] });
  }
  if (model.kind === 'area' || model.kind === 'disproportionality') {
    const all = await listQuestionnaires(db, model.service.id);
    const usable = all.filter((q) => q.kind !== 'tell_us' && !q.archived && (grant.allowVictims || !isVictimQuestionnaire(q)));
    fields.push({ name: 'questionnaire', label: tr('controls.questionnaire'), value: model.questionnaire?.slug ?? '', choices: usable.map((q) => ({ value: q.slug, label: q.definition.title.en })) });
  }
  if (model.kind === 'board') {
    fields.push({ name: 'quarters', label: tr('controls.quarters'), value: String(query.quarters ?? 4), choices: [4, 5, 6, 7, 8].map((n) => ({ value: String(n), label: tr('controls.quartersValue', { count: n }) })) });
  }
  if (model.kind === 'disproportionality') {
    const statements = model.sections[0]?.tables[0]?.columns.slice(2) ?? [];
    fields.push({ name: 'statement', label: tr('controls.statement'), value: query.statement ?? statements[0]?.key ?? '', choices: statements.map((c) => ({ value: c.key, label: c.label })) });
  }
  if (grant.chooseView) {
    fields.push({
      name: 'view',
      label: tr('controls.view'),
      value: model.audience,
      choices: [
        { value: 'shared', label: tr('controls.shared') },
        { value: 'team', label: tr('controls.team') },
      ],
    });
  }
  const params = new URLSearchParams();
  for (const f of fields) params.set(f.name, f.value);
  if (model.period.text.includes('..')) {
    params.delete('period');
    params.set('from', model.period.from);
    params.set('to', model.period.to);
  }
  if (model.stage) params.set('stage', model.stage);
  const link = (format: string) => `${path}?${new URLSearchParams([...params, ['format', format]]).toString()}`;
  return { action: path, fields, downloads: { csv: link('csv'), json: link('json') } };
}
