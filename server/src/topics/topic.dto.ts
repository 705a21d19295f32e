import { ApiProperty, PartialType } from '@nestjs/swagger';
import { OptionalText, RequiredText } from '../common/validation/field-decorators';
import { RecordInput } from '../common/collection/record-input';

export class TopicInput extends RecordInput {
  @RequiredText(100, 'Unique name', 'Sovereignty')
  name: string;

  @OptionalText(20_000)
  description?: string | null;
}

export class TopicPatch extends PartialType(TopicInput) {}

export class TopicRecord extends TopicInput {
  @ApiProperty() declare id: number;
  @ApiProperty() declare createdAt: Date;
  @ApiProperty() declare updatedAt: Date;
}
