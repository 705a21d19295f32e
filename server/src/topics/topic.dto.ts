import { ApiProperty, PartialType } from '@nestjs/swagger';
import { OptionalText, ReadOnlyField, RequiredText } from '../common/validation/field-decorators';

export class TopicInput {
  @RequiredText(100, 'Unique name', 'Sovereignty')
  name: string;

  @OptionalText(20_000)
  description?: string | null;

  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
}

export class TopicPatch extends PartialType(TopicInput) {}

export class TopicRecord extends TopicInput {
  @ApiProperty() declare id: number;
  @ApiProperty() declare createdAt: Date;
  @ApiProperty() declare updatedAt: Date;
}
