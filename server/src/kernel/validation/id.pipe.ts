import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { badRequest } from '../errors/api-errors';
import { INT32_MAX } from './field-decorators';

/**
 * A path id: a positive 32-bit integer written in plain digits (not `1e0`, `01`, `0x1` or ` 1`),
 * or a 400 naming the parameter (`id`, `revisionId`).
 */
@Injectable()
export class IdPipe implements PipeTransform<unknown, number> {
  transform(value: unknown, metadata?: ArgumentMetadata): number {
    if (typeof value !== 'string' || !/^[1-9]\d{0,9}$/.test(value) || Number(value) > INT32_MAX) {
      throw badRequest({ [metadata?.data ?? 'id']: `"${String(value)}" is not an id (a positive integer)` });
    }
    return Number(value);
  }
}
