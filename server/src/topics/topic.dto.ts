import { ApiProperty, PartialType } from '@nestjs/swagger';
import { OptionalText, RequiredText } from '../kernel/validation/field-decorators';
import { AuthorRef, RecordInput } from '../records/collection/record-input';

export class TopicInput extends RecordInput {
  @RequiredText(100, 'Unique name', 'Sovereignty')
  name: string;

  @OptionalText(20_000)
  description?: string | null;
}

export class TopicPatch extends PartialType(TopicInput) {}

export class TopicRecord extends TopicInput {
  @ApiProperty() declare id: number;
  @ApiProperty({ description: '1 on creation, +1 on every change; send it back with an update' }) declare version: number;
  @ApiProperty() declare createdAt: Date;
  @ApiProperty({ type: AuthorRef, nullable: true }) declare createdBy: AuthorRef | null;
  @ApiProperty() declare updatedAt: Date;
  @ApiProperty({ type: AuthorRef, nullable: true }) declare updatedBy: AuthorRef | null;
  @ApiProperty({ nullable: true, description: 'Always null outside the trash' }) declare deletedAt: Date | null;
}
