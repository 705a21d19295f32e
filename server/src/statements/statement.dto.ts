import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import {
  EnumField,
  IdList,
  OptionalId,
  OptionalLanguage,
  OptionalText,
  ReadOnlyField,
  RequiredId,
  RequiredText,
} from '../kernel/validation/field-decorators';
import { AuthorRef, RecordInput } from '../records/collection/record-input';
import { EDTF_MAX_LENGTH } from './edtf/parse-edtf';
import { IsEdtf } from './edtf/is-edtf.validator';
import { REVIEW_STATUSES, ReviewStatus, STATEMENT_STATUSES, STATEMENT_TYPES, StatementStatus, StatementType } from './statement.entity';

const LONG_TEXT = 50_000;

export class StatementInput extends RecordInput {
  @EnumField(STATEMENT_TYPES, { required: false, description: 'Default: statement' })
  type?: StatementType;

  @EnumField(STATEMENT_STATUSES, { required: false, description: 'Default: occurred' })
  status?: StatementStatus;

  @ApiProperty({
    maxLength: EDTF_MAX_LENGTH,
    example: '2019-01-14',
    description: 'EDTF (levels 0–1): 2019-01-14, 2019-06, 2019, 2018-23 (autumn), 2019-06?, 2018~, 201X, 2019-01/2019-06',
  })
  @IsString()
  @IsEdtf()
  date: string;

  @RequiredText(300, 'Short line a reader scans', 'Lavrov: "These are Russian territories"')
  headline: string;

  @OptionalText(LONG_TEXT, 'Verbatim quote')
  quote?: string | null;

  @OptionalLanguage('BCP 47 language of the quote as stored')
  quoteLanguage?: string | null;

  @OptionalText(LONG_TEXT)
  summary?: string | null;

  @RequiredId('Actor who speaks')
  speakerId: number;

  @OptionalText(300, "The speaker's role at the time", 'Foreign Minister of Russia')
  speakerTitle?: string | null;

  @IdList('Counterparts, addressees, others present (actor ids, in order)')
  participantIds?: number[];

  @OptionalId('Stance id')
  stanceId?: number | null;

  @IdList('Topic ids')
  topicIds?: number[];

  @IdList('Source ids, in citation order')
  sourceIds?: number[];

  @OptionalId('The earlier statement this one replies to')
  respondsToId?: number | null;

  @OptionalText(300, undefined, 'press conference, Moscow')
  venue?: string | null;

  @OptionalText(300, undefined, 'Moscow')
  location?: string | null;

  @EnumField(REVIEW_STATUSES, { required: false, description: 'Default: draft' })
  reviewStatus?: ReviewStatus;

  @OptionalText(LONG_TEXT, 'Internal notes for curators')
  notes?: string | null;

  @ReadOnlyField() dateStart?: unknown;
  @ReadOnlyField() dateEnd?: unknown;
  @ReadOnlyField() displayDate?: unknown;
}

export class StatementPatch extends PartialType(StatementInput) {}

/** A statement as the API returns it: relations as id arrays, as react-admin expects. */
export class StatementRecord extends StatementInput {
  @ApiProperty() declare id: number;
  @ApiProperty({ enum: STATEMENT_TYPES }) declare type: StatementType;
  @ApiProperty({ enum: STATEMENT_STATUSES }) declare status: StatementStatus;
  @ApiProperty({ description: 'Earliest day the date allows (YYYY-MM-DD, or -infinity)' }) declare dateStart: string;
  @ApiProperty({ description: 'Latest day the date allows (YYYY-MM-DD, or infinity)' }) declare dateEnd: string;
  @ApiProperty({ example: 'Jan. 14, 2019' }) declare displayDate: string;
  @ApiProperty({ type: [Number] }) declare participantIds: number[];
  @ApiProperty({ type: [Number] }) declare topicIds: number[];
  @ApiProperty({ type: [Number] }) declare sourceIds: number[];
  @ApiProperty({ enum: REVIEW_STATUSES }) declare reviewStatus: ReviewStatus;
  @ApiProperty({ description: '1 on creation, +1 on every change; send it back with an update' }) declare version: number;
  @ApiProperty() declare createdAt: Date;
  @ApiProperty({ type: AuthorRef, nullable: true }) declare createdBy: AuthorRef | null;
  @ApiProperty() declare updatedAt: Date;
  @ApiProperty({ type: AuthorRef, nullable: true }) declare updatedBy: AuthorRef | null;
  @ApiProperty({ nullable: true, description: 'Always null outside the trash' }) declare deletedAt: Date | null;
}
