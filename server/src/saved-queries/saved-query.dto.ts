import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SAVED_QUERY_TEXT_MAX } from './saved-query-text';
import { SAVED_QUERY_NAME_MAX, SAVED_QUERY_RESOURCES } from './saved-query.entity';

const QUERY_DESCRIPTION =
  "The page's readable query string: for statements the list's filters, _sort and _order; for the timeline its filters, " +
  'view and order. Checked as the page reads it: an unknown or wrong parameter is a 400 naming query.<parameter>.';

export class SavedQueryInput {
  @ApiProperty({ minLength: 1, maxLength: SAVED_QUERY_NAME_MAX, example: 'All Lavrov statements on sovereignty' }) name: string;
  @ApiPropertyOptional({ enum: SAVED_QUERY_RESOURCES, default: 'statements', description: 'The page it opens.' }) resource?: string;
  @ApiProperty({ maxLength: SAVED_QUERY_TEXT_MAX, description: QUERY_DESCRIPTION, example: 'speakerId=4&topicId=1&_sort=date&_order=ASC' })
  query: string;
  @ApiPropertyOptional({ default: false, description: 'Visible to the whole team (read-only to others).' }) shared?: boolean;
}

export class SavedQueryChange {
  @ApiPropertyOptional({ minLength: 1, maxLength: SAVED_QUERY_NAME_MAX }) name?: string;
  @ApiPropertyOptional({ maxLength: SAVED_QUERY_TEXT_MAX, description: QUERY_DESCRIPTION }) query?: string;
  @ApiPropertyOptional() shared?: boolean;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description: 'The version the change is based on (or If-Match): 409 if it moved on.',
  })
  version?: number;
}

class OwnerRef {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty() name: string;
}

export class SavedQueryRecord {
  @ApiProperty({ type: 'integer', minimum: 1 }) id: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: SAVED_QUERY_RESOURCES }) resource: string;
  @ApiProperty({ description: 'The query string, normalised.' }) query: string;
  @ApiProperty({ description: 'Visible to the whole team.' }) shared: boolean;
  @ApiProperty({ type: OwnerRef, description: 'Who saved it.' }) owner: OwnerRef;
  @ApiProperty({ description: "Your own: you may change and delete it (others' shared ones are read-only)." }) mine: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) version: number;
}
