import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { OptionalText, RequiredText } from '../kernel/validation/field-decorators';
import { AuthorRef, RecordInput } from '../records/collection/record-input';
import { STANCE_SCORE_MAX, STANCE_SCORE_MIN } from './stance.entity';

export class StanceInput extends RecordInput {
  @RequiredText(100, 'Unique name', 'Rejecting')
  name: string;

  @ApiProperty({
    type: 'integer',
    minimum: STANCE_SCORE_MIN,
    maximum: STANCE_SCORE_MAX,
    description: '−2 rejecting … 0 neutral … +2 conciliatory',
  })
  @IsInt({ message: 'score must be an integer from -2 to 2' })
  @Min(STANCE_SCORE_MIN, { message: 'score must be an integer from -2 to 2' })
  @Max(STANCE_SCORE_MAX, { message: 'score must be an integer from -2 to 2' })
  score: number;

  @ApiPropertyOptional({ type: String, example: '#c62828', nullable: true })
  @IsOptional()
  @Matches(/^#[0-9A-Fa-f]{6}$/, { message: 'color must be a colour written #rrggbb' })
  color?: string | null;

  @OptionalText(20_000)
  description?: string | null;
}

export class StancePatch extends PartialType(StanceInput) {}

export class StanceRecord extends StanceInput {
  @ApiProperty() declare id: number;
  @ApiProperty({ description: '1 on creation, +1 on every change; send it back with an update' }) declare version: number;
  @ApiProperty() declare createdAt: Date;
  @ApiProperty({ type: AuthorRef, nullable: true }) declare createdBy: AuthorRef | null;
  @ApiProperty() declare updatedAt: Date;
  @ApiProperty({ type: AuthorRef, nullable: true }) declare updatedBy: AuthorRef | null;
  @ApiProperty({ nullable: true, description: 'Always null outside the trash' }) declare deletedAt: Date | null;
}
