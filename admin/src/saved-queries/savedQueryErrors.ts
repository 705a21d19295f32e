import { HttpError } from 'react-admin';

export type FieldErrors = Partial<Record<string, string>>;

/** The server's refusal: field errors by name (name, shared, query.<param>), or its message under ''. */
export function refusal(error: unknown): FieldErrors {
  const errors = error instanceof HttpError ? (error.body?.errors as FieldErrors | undefined) : undefined;
  if (errors && Object.keys(errors).length > 0) return errors;
  return { '': error instanceof Error ? error.message : String(error) };
}
