import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_SNAPSHOT_QUERY_LENGTH } from './snapshot-query';
import { NOTE_MAX, TITLE_MAX } from './snapshot-input';
import { SNAPSHOT_FILE_NAMES } from './snapshot.entity';

const sha256 = { type: 'string', pattern: '^[0-9a-f]{64}$' } as const;

export class SnapshotInput {
  @ApiProperty({ maxLength: TITLE_MAX, example: 'Lavrov, January 2019' }) title: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NOTE_MAX, example: 'The dataset of our ISA 2027 paper' })
  note?: string | null;
  @ApiProperty({
    maxLength: MAX_SNAPSHOT_QUERY_LENGTH,
    description: "The statement list's query string: its filters, _sort and _order (no paging).",
    example: 'speakerId=4&date_gte=2019-01&date_lte=2019-01&_sort=date&_order=ASC',
  })
  query: string;
}

export class SnapshotChange {
  @ApiPropertyOptional({ maxLength: TITLE_MAX }) title?: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NOTE_MAX }) note?: string | null;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'The version the change is based on (or If-Match).' }) version?: number;
}

class UserRef {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty() name: string;
}

export class SnapshotFile {
  @ApiProperty({
    enum: SNAPSHOT_FILE_NAMES,
    description: 'Which file: a statement format (GET …/export?format=), or a network file (network-<kind>.<format>, GET …/network).',
  })
  format: string;
  @ApiProperty({ ...sha256, description: 'SHA-256 of the file as served (its ETag).' }) sha256: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Size as served.' }) bytes: number;
}

export class SnapshotRecordDto {
  @ApiProperty({ type: 'integer', minimum: 1 }) id: number;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ description: 'The query, normalised.' }) query: string;
  @ApiProperty({ description: 'The query in words, as it read when the snapshot was made.' }) queryWords: string;
  @ApiProperty({ type: [String], description: 'The export columns its statements have: its shape, whatever columns come later.' })
  columns: string[];
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Statements in it.' }) count: number;
  @ApiProperty({ ...sha256, description: 'SHA-256 of its canonical NDJSON: the hash to cite.' }) sha256: string;
  @ApiProperty({
    description: 'Every statement it holds was verified when it was frozen: anonymous readers see it with PUBLIC_READ=verified.',
  })
  verifiedOnly: boolean;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Size of the canonical NDJSON.' }) bytes: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'What all its files take stored (gzip).' }) storedBytes: number;
  @ApiProperty({ type: [SnapshotFile] }) files: SnapshotFile[];
  @ApiProperty({ format: 'uri', description: 'Its permanent address (PUBLIC_URL).' }) url: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: UserRef, required: false, description: 'Left out for anonymous readers (PUBLIC_READ).' }) createdBy?: UserRef;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: UserRef, required: false, description: 'Left out for anonymous readers (PUBLIC_READ).' }) updatedBy?: UserRef;
  @ApiProperty({ type: 'integer', minimum: 1 }) version: number;
}

class DiffSide {
  @ApiProperty({ type: 'integer', nullable: true, description: 'null: now.' }) id: number | null;
  @ApiProperty({ ...sha256, nullable: true }) sha256: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) at: string;
}
class DiffFrom {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty(sha256) sha256: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}
class DiffCounts {
  @ApiProperty({ type: 'integer', minimum: 0 }) added: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) removed: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) changed: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) unchanged: number;
}
class DiffEntryDto {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty() headline: string;
  @ApiProperty({ description: 'EDTF' }) date: string;
  @ApiPropertyOptional({ format: 'uri', description: 'The current record; absent when it was purged.' }) url?: string;
}
class RemovedEntry extends DiffEntryDto {
  @ApiProperty({ enum: ['trashed', 'purged', 'no longer matching', 'not in the other snapshot'] }) reason: string;
}
/** A column's value: text, number, yes/no, or a list of objects (source_details); null when empty. */
const COLUMN_VALUE = {
  // nullable sits on one branch, with its type: OpenAPI 3.0 has no type of its own for null.
  anyOf: [
    { type: 'string', nullable: true },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'array', items: { type: 'object', additionalProperties: true } },
  ],
};

class FieldChangeDto {
  @ApiProperty({ description: 'Export column name.' }) field: string;
  @ApiProperty({ ...COLUMN_VALUE, description: 'In the snapshot.' }) before: unknown;
  @ApiProperty({ ...COLUMN_VALUE, description: 'Now, or in the other snapshot.' }) after: unknown;
}
class ChangedEntry extends DiffEntryDto {
  @ApiProperty({ type: [FieldChangeDto] }) fields: FieldChangeDto[];
}
export class SnapshotDiffDto {
  @ApiProperty({ type: DiffFrom }) from: DiffFrom;
  @ApiProperty({ type: DiffSide }) to: DiffSide;
  @ApiProperty({ type: DiffCounts }) counts: DiffCounts;
  @ApiProperty({ type: [DiffEntryDto] }) added: DiffEntryDto[];
  @ApiProperty({ type: [RemovedEntry] }) removed: RemovedEntry[];
  @ApiProperty({ type: [ChangedEntry] }) changed: ChangedEntry[];
}
