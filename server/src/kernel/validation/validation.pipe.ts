import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import { badRequest, FieldErrors } from '../errors/api-errors';

function collect(errors: ValidationError[], into: FieldErrors, prefix = ''): FieldErrors {
  for (const error of errors) {
    const field = `${prefix}${error.property}`;
    const constraints = Object.entries(error.constraints ?? {}).map(([name, message]) =>
      name === 'whitelistValidation' ? 'is not a field of this record' : message,
    );
    if (constraints.length) into[field] = constraints.join('; ');
    if (error.children?.length) collect(error.children, into, `${field}.`);
  }
  return into;
}

/**
 * Validates bodies against their DTO: unknown fields are refused (400 naming them), nothing
 * is coerced from one type to another, and every problem is reported on its field.
 */
@Injectable()
export class ApiValidationPipe extends ValidationPipe {
  /** `expectedType` validates against that class when the parameter's own type is generic. */
  constructor(expectedType?: new (...args: never[]) => object) {
    super({
      expectedType,
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => badRequest(collect(errors, Object.create(null))),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Path and query parameters are read by their own pipes and parsers, strictly; this pipe's
    // conversion would turn the path id "1e0" into the number 1 before they see it.
    if (metadata.type !== 'body') return value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw badRequest({ body: 'must be a JSON object' });
    }
    // class-transformer drops these keys without a word (toString, constructor, __proto__, …); no body has such a field.
    const dropped = Object.keys(value).filter((key) => key in Object.prototype || key === 'prototype');
    if (dropped.length) throw badRequest(Object.fromEntries(dropped.map((key) => [key, 'is not a field of this record'])));
    return super.transform(value, metadata);
  }
}
