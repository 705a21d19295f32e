import { applyDecorators } from '@nestjs/common';
import { ApiHideProperty, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Allow, IsIn, IsString, ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';

export const INT32_MAX = 2_147_483_647;

/**
 * A field the API returns but never takes from a client (id, derived dates, timestamps).
 * react-admin PUTs the whole record back, so it is accepted and ignored, not refused.
 */
export const ReadOnlyField = () => applyDecorators(Allow(), ApiHideProperty());

/** Text PostgreSQL can store exactly as given: well-formed Unicode without NUL characters. */
export function IsStorableText(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isStorableText',
      validator: {
        validate: (value: unknown) => {
          const values = Array.isArray(value) ? value : [value];
          return values.every((v) => typeof v !== 'string' || (!v.includes('\u0000') && v.isWellFormed()));
        },
        defaultMessage: (args) => `${args?.property} must be valid Unicode text without NUL characters`,
      },
    },
    options,
  );
}

/**
 * Optional, but not nullable: the field may be left out, and null is refused (where
 * `IsOptional` would let null through to a NOT NULL column, or read it as an empty list).
 */
export const OptionalNotNull = () => ValidateIf((_object, value) => value !== undefined);

const eachString = (value: unknown, test: (s: string) => boolean) =>
  (Array.isArray(value) ? value : [value]).every((v) => typeof v !== 'string' || test(v));

/**
 * At most `max` characters, counted as PostgreSQL counts them in a varchar(max): code points.
 * (class-validator's MaxLength does not count variation selectors, so 300 "x\uFE0F" passed it
 * and then overflowed varchar(300) in the database.)
 */
export function MaxChars(max: number, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'maxChars',
      constraints: [max],
      validator: {
        validate: (value: unknown) => eachString(value, (s) => [...s].length <= max),
        defaultMessage: (args) => `${args?.property} must be at most ${max} characters long`,
      },
    },
    options,
  );
}

/** Text that says something: not empty, not only whitespace. */
export function IsNotBlank(message: (args: { property: string }) => string, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isNotBlank',
      validator: {
        validate: (value: unknown) => eachString(value, (s) => s.trim() !== ''),
        defaultMessage: (args) => message({ property: args!.property }),
      },
    },
    options,
  );
}

/** An empty string in an optional field means "no value": stored as null. */
export const emptyToNull = Transform(({ value }) => (value === '' ? null : value));

export function RequiredText(maxLength: number, description?: string, example?: string) {
  return applyDecorators(
    ApiProperty({ maxLength, description, example }),
    IsString(),
    IsNotBlank(({ property }) => `${property} must not be empty`),
    MaxChars(maxLength),
    IsStorableText(),
  );
}

export function EnumField(values: readonly string[], options: { required: boolean; description?: string }) {
  const message = ({ property }: { property: string }) => `${property} must be one of: ${values.join(', ')}`;
  return applyDecorators(
    options.required
      ? ApiProperty({ enum: values, description: options.description })
      : ApiPropertyOptional({ enum: values, description: options.description }),
    ...(options.required ? [] : [OptionalNotNull()]),
    IsIn(values as unknown[], { message }),
  );
}

/** A calendar date `YYYY-MM-DD` that exists (no 2019-02-30). */
export function IsCalendarDate(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
          if (!match) return false;
          const [year, month, day] = match.slice(1).map(Number);
          const date = new Date(Date.UTC(year, month - 1, day));
          return year >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
        },
        defaultMessage: (args) => `${args?.property} must be a calendar date written YYYY-MM-DD`,
      },
    },
    options,
  );
}

/** A BCP 47 language tag (`en`, `ja`, `ru`, `zh-Hant`), checked by the runtime's Intl. */
export function IsLanguageTag(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isLanguageTag',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || value.length > 35 || !/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(value)) return false;
          try {
            return Intl.getCanonicalLocales(value).length === 1;
          } catch {
            return false;
          }
        },
        defaultMessage: (args) => `${args?.property} must be a BCP 47 language tag such as en, ja or ru`,
      },
    },
    options,
  );
}
