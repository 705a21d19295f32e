import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STATEMENT_FIELDS, StatementField } from '../statements/statement.fields';
import { ReplyTarget } from '../statements/statement-views';

/** One timeline entry with the names a reader needs already joined in: each statement field by its `timeline` role. */
export class TimelineEntry {
  @ApiProperty({ type: 'integer', minimum: 1 }) id: number;
}
for (const [name, field] of Object.entries(STATEMENT_FIELDS as Record<string, StatementField>)) {
  const role = field.timeline;
  if (role === false) continue;
  if (role === true) ApiProperty({ ...field.schema, required: true } as never)(TimelineEntry.prototype, name);
  else if (field.storage.kind === 'links') ApiProperty({ type: [role.type] })(TimelineEntry.prototype, role.as);
  else ApiProperty({ type: role.type, ...(field.required ? {} : { nullable: true }) })(TimelineEntry.prototype, role.as);
}
// After the fields: the exchange an entry is part of, so that a card can link to it.
ApiProperty({
  type: ReplyTarget,
  nullable: true,
  description: 'The statement this one replies to (respondsToId), named; null when none, or when that statement is in the trash.',
})(TimelineEntry.prototype, 'respondsTo');
ApiProperty({
  type: 'integer',
  minimum: 0,
  description: 'How many statements reply to this one (GET /api/statements?respondsToId=…), whatever the filters.',
})(TimelineEntry.prototype, 'replyCount');

export class TimelinePage {
  @ApiProperty({ type: [TimelineEntry] }) entries: TimelineEntry[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null at the end.' })
  nextCursor: string | null;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description:
      "Entries matching the filters, over all pages (PostgreSQL's estimate above EXACT_COUNT_LIMIT, then totalEstimated is true).",
  })
  total: number;
  @ApiPropertyOptional({ type: 'boolean', enum: [true], description: 'Present (true) when total is an estimate.' })
  totalEstimated?: boolean;
}
