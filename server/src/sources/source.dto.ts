import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsOptional, IsUrl } from 'class-validator';
import {
  EnumField,
  MaxChars,
  OptionalDate,
  OptionalLanguage,
  OptionalText,
  RequiredText,
  TextList,
} from '../kernel/validation/field-decorators';
import { AuthorRef, RecordInput } from '../records/collection/record-input';
import { SOURCE_KINDS, SourceKind } from './source.entity';

const urlOptions = { protocols: ['http', 'https'], require_protocol: true };
const urlMessage = (field: string) => ({ message: `${field} must be an http(s) URL` });

export class SourceInput extends RecordInput {
  @RequiredText(500, undefined, 'Deep gap emerges between Japan, Russia over territorial dispute')
  title: string;

  @OptionalText(300, undefined, 'The Mainichi')
  publisher?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2048 })
  @IsOptional()
  @IsUrl(urlOptions, urlMessage('url'))
  @MaxChars(2048)
  url?: string | null;

  @TextList(100, 300)
  authors?: string[];

  @OptionalDate('Publication date, YYYY-MM-DD')
  publishedOn?: string | null;

  @OptionalDate('When the source was read, YYYY-MM-DD')
  accessedOn?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2048, description: 'Web archive copy' })
  @IsOptional()
  @IsUrl(urlOptions, urlMessage('archiveUrl'))
  @MaxChars(2048)
  archiveUrl?: string | null;

  @OptionalLanguage('BCP 47 language of the source')
  language?: string | null;

  @EnumField(SOURCE_KINDS, { required: false, description: 'Default: news' })
  kind?: SourceKind;
}

export class SourcePatch extends PartialType(SourceInput) {}

export class SourceRecord extends SourceInput {
  @ApiProperty() declare id: number;
  @ApiProperty({ enum: SOURCE_KINDS }) declare kind: SourceKind;
  @ApiProperty({ type: [String] }) declare authors: string[];
  @ApiProperty({ description: '1 on creation, +1 on every change; send it back with an update' }) declare version: number;
  @ApiProperty() declare createdAt: Date;
  @ApiProperty({ type: AuthorRef, nullable: true }) declare createdBy: AuthorRef | null;
  @ApiProperty() declare updatedAt: Date;
  @ApiProperty({ type: AuthorRef, nullable: true }) declare updatedBy: AuthorRef | null;
  @ApiProperty({ nullable: true, description: 'Always null outside the trash' }) declare deletedAt: Date | null;
}
