// The report as a staff page: headlines, then each section with its sentences, chart (with
// its text alternative) and the data table under it, then how the numbers were made.
import type { ComponentChildren } from 'preact';
import { cellText, tr } from '../format.ts';
import type { Cell, ReportModel, ReportTable, Section } from '../model.ts';
import { ChartFigure } from './charts.tsx';
import { reportCss } from './styles.ts';

export interface Choice {
  value: string;
  label: string;
}

/** What the person may change about the report (only what their role allows). */
export interface ReportControls {
  action: string;
  fields: { name: string; label: string; hint?: string; value: string; choices: Choice[] }[];
  downloads: { csv: string; json: string };
}

const numeric = (c: Cell) => c.type !== 'text';

function Table({ table, id, threshold }: { table: ReportTable; id: string; threshold: number }) {
  return (
    <div class="table-wrap" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table>
        <caption id={`${id}-caption`}>{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th key={c.key} scope="col" class={i > 0 && table.rows.some((r) => r.cells[i - 1] && numeric(r.cells[i - 1]!)) ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, ri) => (
            <tr key={ri} class={r.total ? 'total' : undefined}>
              <th scope="row">{r.header}</th>
              {r.cells.map((c, ci) => (
                <td key={ci} class={numeric(c) ? 'num' : undefined}>
                  {cellText(c, threshold)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SectionView({ section, threshold }: { section: Section; threshold: number }) {
  return (
    <section id={section.id} class={section.chart ? 'report-section has-chart' : 'report-section'} aria-labelledby={`${section.id}-heading`}>
      <h2 id={`${section.id}-heading`}>{section.title}</h2>
      {section.intro && <p>{section.intro}</p>}
      {section.sentences && section.sentences.length > 0 && (
        <ul class="sentences">
          {section.sentences.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ul>
      )}
      {section.empty && <p class="muted">{section.empty}</p>}
      {section.chart && <ChartFigure block={section.chart} id={`${section.id}-chart`} />}
      {section.tables.map((t, i) => (
        <Table key={i} table={t} id={`${section.id}-table-${i + 1}`} threshold={threshold} />
      ))}
      {section.quotes && section.quotes.length > 0 && (
        <div class="quotes">
          {section.quotes.map((g, i) => (
            <div key={i}>
              <h3>{tr('page.quotesFor', { theme: g.theme })}</h3>
              {g.quotes.map((q, j) => (
                <blockquote key={j}>
                  <p>{q}</p>
                </blockquote>
              ))}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}

function Controls({ controls }: { controls: ReportControls }) {
  return (
    <>
      <form class="report-controls" method="get" action={controls.action}>
        {controls.fields.map((f) => (
          <div key={f.name}>
            <label for={`control-${f.name}`}>{f.label}</label>
            <select id={`control-${f.name}`} name={f.name}>
              {f.choices.map((c) => (
                <option key={c.value} value={c.value} selected={c.value === f.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div>
          <button type="submit">{tr('page.show')}</button>
        </div>
      </form>
      <p class="downloads">
        <a href={controls.downloads.csv}>{tr('page.downloadCsv')}</a>
        <a href={controls.downloads.json}>{tr('page.downloadJson')}</a>
        <span class="muted">{tr('page.printHint')}</span>
      </p>
    </>
  );
}

/** A report page. `preface` comes after the report's details and before its figures (a pack's commentary). */
export function ReportBody({ model, controls, nonce, back, preface }: { model: ReportModel; controls?: ReportControls; nonce?: string; back?: ComponentChildren | string; preface?: ComponentChildren }): ComponentChildren {
  const header = `${model.service.name} · ${model.title}`;
  const footer = model.audience === 'shared' ? tr('page.footerShared', { generated: model.generatedAt.slice(0, 10) }) : tr('page.footerTeam', { generated: model.generatedAt.slice(0, 10) });
  return (
    <div class="report">
      <style nonce={nonce} dangerouslySetInnerHTML={{ __html: reportCss(header, footer) }} />
      {typeof back === 'string' ? (
        <p class="back">
          <a href={back}>{tr('page.back')}</a>
        </p>
      ) : (
        back
      )}
      <h1>{model.title}</h1>
      <dl class="summary report-meta">
        <dt>{tr('page.service')}</dt>
        <dd>{model.service.name}</dd>
        <dt>{tr('page.scope')}</dt>
        <dd>{model.scopeLabel}</dd>
        <dt>{tr('page.period')}</dt>
        <dd>{tr('page.periodValue', { label: model.period.label, from: model.period.from, to: model.period.to })}</dd>
        {model.questionnaire && (
          <>
            <dt>{tr('page.questionnaire')}</dt>
            <dd>{model.questionnaire.title}</dd>
          </>
        )}
        <dt>{tr('page.numbers')}</dt>
        <dd>{model.audience === 'shared' ? tr('page.shared', { threshold: model.threshold }) : tr('page.team')}</dd>
      </dl>
      {controls && <Controls controls={controls} />}
      {preface}
      {model.headlines.length > 0 && (
        <section aria-labelledby="headlines-heading">
          <h2 id="headlines-heading">{tr('page.headlines')}</h2>
          <ul class="headlines">
            {model.headlines.map((h, i) => (
              <li key={i}>
                <span class="figure">{cellText(h.cell, model.threshold)}</span>
                {h.label}
              </li>
            ))}
          </ul>
        </section>
      )}
      {model.sections.map((s) => (
        <SectionView key={s.id} section={s} threshold={model.threshold} />
      ))}
      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">{tr('page.about')}</h2>
        <ul>
          {model.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
