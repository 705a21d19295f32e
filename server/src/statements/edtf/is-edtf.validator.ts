import { ValidateBy, ValidationOptions } from 'class-validator';
import { EdtfError, parseEdtf } from './parse-edtf';

function edtfProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be an EDTF date written as text, e.g. "2019-01-14"';
  try {
    parseEdtf(value);
    return undefined;
  } catch (error) {
    if (error instanceof EdtfError) return error.message;
    throw error;
  }
}

/** An EDTF date Chronicle can place on the timeline; the message says why not. */
export function IsEdtf(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isEdtf',
      validator: {
        validate: (value: unknown) => edtfProblem(value) === undefined,
        defaultMessage: (args) => `${args?.property} ${edtfProblem(args?.value)}`,
      },
    },
    options,
  );
}
