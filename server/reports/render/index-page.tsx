// The reports page: each report the person may open, what it is for and who reads it.
import { tr } from '../format.ts';
import type { ReportKind } from '../model.ts';

export function ReportIndex({ kinds }: { kinds: ReportKind[] }) {
  const pages = kinds.filter((k) => k !== 'distance-case');
  return (
    <>
      <h1>{tr('index.title')}</h1>
      <p>{tr('index.intro')}</p>
      {pages.length === 0 ? (
        <p>{tr('index.none')}</p>
      ) : (
        <ul>
          {pages.map((k) => (
            <li key={k}>
              <h2>
                <a href={`/staff/reports/${k}`}>{tr(`index.${k}.title`)}</a>
              </h2>
              <p>{tr(`index.${k}.description`)}</p>
            </li>
          ))}
        </ul>
      )}
      <p class="muted">{tr('index.formats')}</p>
    </>
  );
}
