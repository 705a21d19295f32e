import { ConflictException, HttpException } from '@nestjs/common';
import { ApiErrorBody, badRequest } from '../../kernel/errors/api-errors';

/** A record as the API shows it, with the fields the version check talks about. */
export interface VersionedRow {
  id: number;
  version: number;
  updatedAt: Date | string;
  updatedBy: { id: number; name: string } | null;
  deletedAt: Date | string | null;
}

const IF_MATCH = /^(?:W\/)?"?([1-9][0-9]{0,9})"?$/;

/**
 * The version an update is based on: `version` in the body or `If-Match: "<version>"`.
 * `required` (updates): 428 without one, so that a client cannot overwrite blindly.
 */
export function expectedVersion(bodyVersion: unknown, ifMatch: string | undefined, required: boolean): number | undefined {
  let header: number | undefined;
  if (ifMatch !== undefined && ifMatch !== '') {
    const match = IF_MATCH.exec(ifMatch.trim());
    if (!match) throw badRequest({ version: 'If-Match must be the record\'s version in quotes, e.g. If-Match: "3"' });
    header = Number(match[1]);
    if (header > 2_147_483_647)
      throw badRequest({ version: 'If-Match must name a version the record can have (a positive 32-bit integer)' });
  }
  if (bodyVersion !== undefined && bodyVersion !== null) {
    if (!Number.isInteger(bodyVersion) || (bodyVersion as number) < 1 || (bodyVersion as number) > 2_147_483_647) {
      throw badRequest({ version: 'version must be a positive integer' });
    }
    if (header !== undefined && header !== bodyVersion) {
      throw badRequest({ version: `the body says version ${bodyVersion} but If-Match says ${header}` });
    }
    return bodyVersion as number;
  }
  if (header === undefined && required) {
    throw new HttpException(
      {
        statusCode: 428,
        error: 'Precondition Required',
        message: 'Say which version your change is based on: "version" in the body or If-Match: "<version>".',
        errors: { version: 'required: the version of the record your change is based on' },
      } satisfies ApiErrorBody,
      428,
    );
  }
  return header;
}

/** 409 with the record as it is now, naming who changed it since the client's version. */
export function staleVersion(label: string, current: VersionedRow, basedOn: number): ConflictException {
  const at = new Date(current.updatedAt).toISOString();
  const by = current.updatedBy?.name ?? 'someone';
  return new ConflictException({
    statusCode: 409,
    error: 'Conflict',
    message:
      `${label} ${current.id} was changed by ${by} at ${at} (version ${current.version}) ` +
      `since version ${basedOn} that your change is based on.`,
    errors: { version: `stale: the record is at version ${current.version}` },
    current,
  } satisfies ApiErrorBody);
}
