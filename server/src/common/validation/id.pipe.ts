import { Injectable, PipeTransform } from '@nestjs/common';
import { badRequest } from '../errors/api-errors';
import { INT32_MAX } from './field-decorators';

/** A path id: a positive 32-bit integer written in plain digits, or 400 naming `id`. */
@Injectable()
export class IdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^[1-9]\d{0,9}$/.test(value) || Number(value) > INT32_MAX) {
      throw badRequest({ id: `"${value}" is not an id (a positive integer)` });
    }
    return Number(value);
  }
}
