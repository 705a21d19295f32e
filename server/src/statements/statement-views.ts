import { ApiProperty } from '@nestjs/swagger';

/*
 * How a statement's references read in the timeline: the names a reader needs, joined in.
 */

export class ActorName {
  @ApiProperty({ type: 'integer', minimum: 1 }) id: number;
  @ApiProperty({ example: 'Sergey Lavrov' }) name: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'Сергей Лавров' }) nativeName: string | null;
}

export class StanceView {
  @ApiProperty({ type: 'integer', minimum: 1 }) id: number;
  @ApiProperty({ example: 'Rejecting' }) name: string;
  @ApiProperty({ type: 'integer', minimum: -2, maximum: 2, example: -2 }) score: number;
  @ApiProperty({ type: 'string', nullable: true, example: '#c62828' }) color: string | null;
}

export class NamedRef {
  @ApiProperty({ type: 'integer', minimum: 1 }) id: number;
  @ApiProperty() name: string;
}

/** The statement a timeline entry replies to, as its card names it: "In reply to: <speaker>, <headline>". */
export class ReplyTarget {
  @ApiProperty({ type: 'integer', minimum: 1 }) id: number;
  @ApiProperty({ example: 'January 2019' }) displayDate: string;
  @ApiProperty({ example: 'Abe: a compromise must be acceptable to Russians' }) headline: string;
  @ApiProperty({ type: NamedRef }) speaker: NamedRef;
}
