// Every staff sign-in and account form, parsed with zod. Messages are keys in the `staff`
// locale namespace (translated when the page is drawn), so no text lives here.
import { z, type ZodError } from 'zod';
import { isTotpSecret } from './totp.ts';

/** A password someone chooses: long rather than complicated (NCSC: three random words). */
export const PASSWORD_MIN = 12;
const newPasswordFields = {
  password: z.string().min(PASSWORD_MIN, 'errors.passwordTooShort').max(200, 'errors.passwordTooLong'),
  confirm: z.string(),
};
const confirmMatches = (f: { password: string; confirm: string }) => f.password === f.confirm;
const mismatch = { message: 'errors.passwordMismatch', path: ['confirm'] };

export const SignInForm = z.object({
  email: z.string().trim().min(1, 'errors.emailMissing').max(320, 'errors.emailMissing'),
  password: z.string().min(1, 'errors.passwordMissing').max(1000, 'errors.passwordMissing'),
});

export const TwoFactorForm = z.object({
  code: z
    .string()
    .transform((s) => s.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'errors.codeFormat')),
});

export const NewPasswordForm = z.object(newPasswordFields).refine(confirmMatches, mismatch);

export const ChangePasswordForm = z
  .object({ current: z.string().min(1, 'errors.currentMissing').max(1000, 'errors.currentMissing'), ...newPasswordFields })
  .refine(confirmMatches, mismatch);

export const TwoFactorSetupForm = z.object({
  secret: z.string().refine(isTotpSecret, 'errors.codeWrong'),
  code: TwoFactorForm.shape.code,
});

export const ReauthenticateForm = z.object({ password: z.string().min(1, 'errors.passwordMissing').max(1000, 'errors.passwordMissing') });

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

export const SetupForm = z
  .object({
    serviceName: z.string().trim().min(1, 'errors.serviceNameMissing').max(120, 'errors.nameTooLong'),
    areas: z
      .string()
      .transform(lines)
      .pipe(z.array(z.string().max(80, 'errors.nameTooLong')).min(1, 'errors.areasMissing').max(30, 'errors.areasTooMany'))
      .refine((a) => new Set(a.map((x) => x.toLowerCase())).size === a.length, 'errors.areasRepeated'),
    name: z.string().trim().min(1, 'errors.nameMissing').max(120, 'errors.nameTooLong'),
    email: z.string().trim().pipe(z.email('errors.emailInvalid')),
    ...newPasswordFields,
  })
  .refine(confirmMatches, mismatch);

/** The first problem with each field, as `{ field: messageKey }`, in form order. */
export function fieldErrors(error: ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    // zod's own messages (a field missing altogether) are not keys: say the value was not valid.
    out[field] ??= issue.message.startsWith('errors.') ? issue.message : 'errors.invalid';
  }
  return out;
}

/** A form body as plain strings (the last value of a repeated field). */
export function formFields(body: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    const one = Array.isArray(v) ? v.at(-1) : v;
    if (typeof one === 'string') out[k] = one;
  }
  return out;
}
