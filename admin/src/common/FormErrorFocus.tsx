import { useEffect, useRef } from 'react';
import { useNotify, useResourceContext, useTranslate } from 'react-admin';
import { useFormContext, useFormState, type FieldErrors } from 'react-hook-form';

interface FieldError {
  path: string;
  message: string;
}

/** react-admin's validators pass "@@react-admin@@" + JSON of a key or of { message, args } as the message (see its ValidationError). */
const RA_MESSAGE_PREFIX = '@@react-admin@@';

/** Every field error, by path ("date", "sources.0.locator"), in the order react-hook-form holds them. */
function flatten(errors: FieldErrors, prefix = ''): FieldError[] {
  return Object.entries(errors).flatMap(([key, value]) => {
    if (!value || typeof value !== 'object' || key === 'ref') return [];
    // An array's own error (react-hook-form's `root`) is the array's.
    const path = key === 'root' && prefix ? prefix.slice(0, -1) : `${prefix}${key}`;
    const error = value as { message?: unknown; type?: unknown };
    if (typeof error.type === 'string' || typeof error.message === 'string') {
      return [{ path, message: typeof error.message === 'string' ? error.message : '' }];
    }
    return flatten(value as FieldErrors, `${path}.`);
  });
}

/** The focusable element of a field: the input itself, or (a select, a radio group, a fieldset) the first control in it. */
function controlOf(form: HTMLFormElement, path: string): HTMLElement | null {
  const named = form.querySelector<HTMLElement>(`[name="${CSS.escape(path)}"]`);
  if (!named) return null;
  const focusable =
    'input:not([type="hidden"]):not([aria-hidden="true"]):not([tabindex="-1"]), textarea, [role="combobox"], [tabindex="0"]';
  if (named.matches(focusable)) return named;
  const box = named.closest('.MuiFormControl-root, fieldset') ?? named.parentElement;
  return box?.querySelector<HTMLElement>(focusable) ?? named;
}

/**
 * Errors where the eye is, for every form (SimpleForm's content, theme.ts): after a submit that
 * ended with field errors — found before sending, or refused by the server (a 400 or 409 with
 * `errors: { field: reason }`) — the page scrolls to the first field in error, in the order of
 * the page, and focuses it; its reason is under it, and the notification names the fields
 * ("Date: is not a valid EDTF date …") instead of a generic "The form is not valid".
 */
export const FormErrorFocus = () => {
  const { control } = useFormContext();
  const { submitCount, errors } = useFormState({ control });
  const seen = useRef(submitCount);
  const anchor = useRef<HTMLSpanElement>(null);
  const notify = useNotify();
  const translate = useTranslate();
  const resource = useResourceContext();

  useEffect(() => {
    if (submitCount <= seen.current) return;
    seen.current = submitCount;
    const found = flatten(errors);
    if (!found.length) return;

    const form = anchor.current?.closest('form');
    const controls = form
      ? found.map(({ path }) => controlOf(form, path)).filter((element): element is HTMLElement => element !== null)
      : [];
    const first = controls.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
    if (first) {
      first.scrollIntoView({ block: 'center' });
      first.focus({ preventScroll: true });
    }

    const label = (path: string) => {
      const position = /\.(\d+)\./.exec(path);
      const field = path.replace(/\.\d+\./g, '.');
      const humanized = field.replace(/^.*\./, '').replace(/([a-z])([A-Z])/g, '$1 $2');
      const name = translate(`resources.${resource}.fields.${field}`, {
        _: humanized.charAt(0).toUpperCase() + humanized.slice(1).toLowerCase(),
      });
      return position ? `${name} (${Number(position[1]) + 1})` : name;
    };
    const reason = ({ path, message }: FieldError) => {
      let text = message;
      if (text.startsWith(RA_MESSAGE_PREFIX)) {
        const parsed = JSON.parse(text.slice(RA_MESSAGE_PREFIX.length)) as string | { message: string; args?: object };
        const { message: key, args } = typeof parsed === 'string' ? { message: parsed, args: {} } : parsed;
        text = translate(key, { _: key, ...args });
      } else text = translate(text, { _: text });
      // The server's reasons start with the field's name ("date is not a valid EDTF date"): said once.
      const own = path.replace(/^.*\./, '');
      return text.startsWith(`${own} `) ? text.slice(own.length + 1) : text;
    };
    const shown = found.slice(0, 3).map((error) => `${label(error.path)}: ${reason(error)}`);
    if (found.length > shown.length) shown.push(`and ${found.length - shown.length} more`);
    notify(shown.join('; '), { type: 'error', multiLine: true });
  }, [submitCount, errors, notify, translate, resource]);

  return <span ref={anchor} hidden />;
};
