// The hidden field that makes a create form file its thing once (see form-once.ts).
import { FORM_KEY_FIELD, newFormKey } from './form-once.ts';

/** Draw with the key of the form being corrected, or a fresh one for a new form. */
export function FormKeyField({ value }: { value?: string }) {
  return <input type="hidden" name={FORM_KEY_FIELD} value={value ?? newFormKey()} />;
}
