import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AuthorRef } from '../records/collection/record-bodies';
import { IMPORT_FORMATS, IMPORT_STATUSES, ROW_OUTCOMES } from './import.entity';
import { CREATABLE } from './statement-import-writer';

const COLLECTIONS = ['actors', 'topics', 'stances', 'sources'];
const MATCHED_BY = ['id', 'wikidata id', 'name', 'native name', 'alias', 'part of a name', 'url', 'title', 'created'];

export class ImportCountsDto {
  @ApiProperty({ type: 'integer', minimum: 0 }) created: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) updated: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Rows equal to their statement: nothing written.' }) unchanged: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) failed: number;
}

export class ImportOptionsDto {
  @ApiProperty({ description: 'A dry run checks and reports, and writes nothing.' }) dryRun: boolean;
  @ApiProperty({ type: [String], enum: CREATABLE, enumName: 'ImportCreatable' }) createMissing: string[];
  @ApiProperty() skipInvalid: boolean;
  @ApiPropertyOptional({ type: 'string' }) sheet?: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: "The file's column → the column it means, or ignore.",
  })
  map: Record<string, string>;
}

export class ImportFileErrorDto {
  @ApiProperty() message: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1 }) row?: number;
  @ApiPropertyOptional() column?: string;
  @ApiPropertyOptional({ description: 'The option that does not fit the file (sheet).' }) parameter?: string;
}

export class ImportRowDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'The row as the user sees it: spreadsheet row (header = 1), NDJSON line, JSON item.',
  })
  row: number;
  @ApiProperty({ enum: ROW_OUTCOMES, enumName: 'ImportRowOutcome' }) outcome: string;
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    nullable: true,
    description: 'The statement created or changed (in a dry run: the one it would be).',
  })
  statementId: number | null;
  @ApiProperty({ type: 'string', nullable: true }) key: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'Column → what is wrong (failed rows).' })
  errors?: Record<string, string>;
  @ApiProperty({ type: [String], description: 'For an update: the fields it changed.' }) changedFields: string[];
}

export class ImportReferenceDto {
  @ApiProperty({ enum: COLLECTIONS, enumName: 'ImportReferenceCollection' }) collection: string;
  @ApiProperty({ description: 'The text of the file that named the record.' }) text: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) id: number;
  @ApiProperty({ description: "The record's name or title." }) label: string;
  @ApiProperty({ enum: MATCHED_BY, enumName: 'ImportMatchedBy', description: 'How it was found, or that the import created it.' })
  by: string;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Cells naming it this way.' }) rows: number;
}

/** A past import, as listed. */
export class ImportSummaryDto {
  @ApiProperty({ type: 'integer', minimum: 1 }) id: number;
  @ApiProperty({ enum: IMPORT_STATUSES, enumName: 'ImportStatus' }) status: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: IMPORT_FORMATS, enumName: 'ImportFormat' }) format: string;
  @ApiProperty({ type: ImportOptionsDto }) options: ImportOptionsDto;
  @ApiProperty({ type: AuthorRef, nullable: true }) user: AuthorRef | null;
  @ApiProperty({ type: 'string', format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiProperty({ type: 'integer', minimum: 0, nullable: true }) totalRows: number | null;
  @ApiProperty({ type: ImportCountsDto }) counts: ImportCountsDto;
  @ApiProperty({ type: ImportFileErrorDto, nullable: true, description: 'Why the file could not be read (nothing was written).' })
  error: ImportFileErrorDto | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) undoneAt: string | null;
  @ApiProperty({ type: AuthorRef, nullable: true }) undoneBy: AuthorRef | null;
}

/** An import with its report: running (progress), finished, failed, or undone. */
export class ImportReportDto extends ImportSummaryDto {
  @ApiProperty({ description: 'Checked and reported only; nothing was written. Kept in memory for an hour.' }) dryRun: boolean;
  @ApiProperty({ type: 'integer', minimum: 0 }) processedRows: number;
  @ApiProperty({
    type: [ImportReferenceDto],
    description: 'The texts that named actors, topics, stances and sources, and how each was found or created.',
  })
  references: ImportReferenceDto[];
  @ApiProperty({ type: [ImportRowDto], description: 'The first 1,000 rows of the report, failures first; all at /api/imports/{id}/rows.' })
  rows: ImportRowDto[];
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Rows of the report not in `rows`.' }) rowsOmitted: number;
}
