// The alert list's filter: who holds the alert, and only those past their escalation time.
// A plain GET form, so a filtered list has an address a manager can link to.
import { pageTranslator } from '../i18n/request-language.ts';
import { SelectField } from '../ui/form-parts.tsx';

const cw = pageTranslator('casework');

export function AlertFilterForm({ holders, holder, overdue }: { holders: { id: string; name: string }[]; holder: string; overdue: boolean }) {
  return (
    <form method="get" action="/staff/alerts" aria-label={cw('alerts.filterTitle')}>
      <SelectField
        id="holder"
        label={cw('alerts.holder')}
        value={holder}
        blank={cw('alerts.holderAll')}
        options={[...holders.map((h) => ({ value: h.id, label: h.name })), { value: 'nobody', label: cw('alerts.holderNobody') }]}
      />
      <div class="choice">
        <input type="checkbox" id="overdue" name="overdue" value="1" checked={overdue} />
        <label for="overdue">{cw('alerts.overdueOnly')}</label>
      </div>
      <button type="submit" class="secondary">
        {cw('alerts.apply')}
      </button>
    </form>
  );
}
