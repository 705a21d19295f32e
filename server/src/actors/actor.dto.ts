import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsISO31661Alpha2, IsOptional, Matches } from 'class-validator';
import { EnumField, OptionalText, RequiredText, TextList } from '../kernel/validation/field-decorators';
import { AuthorRef, RecordInput } from '../records/collection/record-input';
import { ACTOR_KINDS, ActorKind } from './actor.entity';

export class ActorInput extends RecordInput {
  @RequiredText(200, 'Name as usually written in English', 'Sergey Lavrov')
  name: string;

  @OptionalText(200, 'Name in its own script', 'Сергей Лавров')
  nativeName?: string | null;

  @EnumField(ACTOR_KINDS, { required: false, description: 'Default: person' })
  kind?: ActorKind;

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2 code', example: 'RU', nullable: true, type: String })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code in capitals, such as JP or RU' })
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code in capitals, such as JP or RU' })
  country?: string | null;

  @OptionalText(300, 'Current or best-known role', 'Foreign Minister of Russia')
  title?: string | null;

  @TextList(50, 200, 'Other spellings and names; searched too')
  aliases?: string[];

  @ApiPropertyOptional({ example: 'Q123', nullable: true, type: String })
  @IsOptional()
  @Matches(/^Q[1-9]\d{0,15}$/, { message: 'wikidataId must be a Wikidata item id such as Q42' })
  wikidataId?: string | null;

  @OptionalText(20_000)
  description?: string | null;
}

export class ActorPatch extends PartialType(ActorInput) {}

/** An actor as the API returns it. */
export class ActorRecord extends ActorInput {
  @ApiProperty() declare id: number;
  @ApiProperty({ enum: ACTOR_KINDS }) declare kind: ActorKind;
  @ApiProperty({ type: [String] }) declare aliases: string[];
  @ApiProperty({ description: '1 on creation, +1 on every change; send it back with an update' }) declare version: number;
  @ApiProperty() declare createdAt: Date;
  @ApiProperty({ type: AuthorRef, nullable: true }) declare createdBy: AuthorRef | null;
  @ApiProperty() declare updatedAt: Date;
  @ApiProperty({ type: AuthorRef, nullable: true }) declare updatedBy: AuthorRef | null;
  @ApiProperty({ nullable: true, description: 'Always null outside the trash' }) declare deletedAt: Date | null;
}
