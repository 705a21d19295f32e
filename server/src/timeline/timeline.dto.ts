import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class TimelineSpeaker {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'Sergey Lavrov' }) name: string;
  @ApiPropertyOptional({ example: 'Сергей Лавров', nullable: true, type: String }) nativeName: string | null;
}

class TimelineStance {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'Rejecting' }) name: string;
  @ApiProperty({ example: -2 }) score: number;
  @ApiPropertyOptional({ example: '#c62828', nullable: true, type: String }) color: string | null;
}

class NamedRef {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
}

/** One timeline entry with the names a reader needs already joined in. */
export class TimelineEntry {
  @ApiProperty() id: number;
  @ApiProperty({ example: '2019-01-14' }) date: string;
  @ApiProperty() dateStart: string;
  @ApiProperty() dateEnd: string;
  @ApiProperty({ example: 'Jan. 14, 2019' }) displayDate: string;
  @ApiProperty() type: string;
  @ApiProperty() status: string;
  @ApiProperty() headline: string;
  @ApiPropertyOptional({ nullable: true, type: String }) quote: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) quoteLanguage: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) summary: string | null;
  @ApiProperty({ type: TimelineSpeaker }) speaker: TimelineSpeaker;
  @ApiPropertyOptional({ nullable: true, type: String }) speakerTitle: string | null;
  @ApiProperty({ type: [NamedRef] }) participants: NamedRef[];
  @ApiPropertyOptional({ type: TimelineStance, nullable: true }) stance: TimelineStance | null;
  @ApiProperty({ type: [NamedRef] }) topics: NamedRef[];
  @ApiPropertyOptional({ nullable: true, type: Number }) respondsToId: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) venue: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) location: string | null;
  @ApiProperty() reviewStatus: string;
}

export class TimelinePage {
  @ApiProperty({ type: [TimelineEntry] }) entries: TimelineEntry[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null at the end.' })
  nextCursor: string | null;
  @ApiProperty({
    description:
      "Entries matching the filters, over all pages (PostgreSQL's estimate above EXACT_COUNT_LIMIT, then totalEstimated is true).",
  })
  total: number;
  @ApiPropertyOptional({ description: 'Present (true) when total is an estimate.' }) totalEstimated?: boolean;
}
