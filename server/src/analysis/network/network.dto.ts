import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NETWORK_KINDS } from '../analysis-params';

export class NetworkStance {
  @ApiProperty({ type: 'integer', minimum: 1 }) id: number;
  @ApiProperty() name: string;
  @ApiProperty({ type: 'integer', minimum: -2, maximum: 2 }) score: number;
  @ApiProperty({ type: String, nullable: true }) color: string | null;
  @ApiProperty({ description: 'Name of its count among the edge attributes of the graph and CSV files (stance_rejecting).' })
  attribute: string;
}

export class NetworkNodeEntry {
  @ApiProperty({ description: 'a<actor id> or t<topic id>.', example: 'a4' }) id: string;
  @ApiProperty({ enum: ['actor', 'topic'] }) mode: string;
  @ApiProperty({ type: 'integer', nullable: true }) actorId: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) topicId: number | null;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) nativeName: string | null;
  @ApiProperty({ description: 'person or organization for actors, topic for topics.' }) kind: string;
  @ApiProperty({ type: String, nullable: true }) country: string | null;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Filtered statements by this speaker, or on this topic.' }) statements: number;
}

export class NetworkLink {
  @ApiProperty({ description: 'Node id; for replies, the speaker of the reply.' }) source: string;
  @ApiProperty({ description: 'Node id; for replies, the speaker replied to.' }) target: string;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Statements (actor-topic), topics (congruence, conflict) or replies.' })
  weight: number;
  @ApiProperty({ type: 'integer', minimum: 0, required: false, description: 'actor-topic, replies: of those, with a stance.' })
  withStance?: number;
  @ApiProperty({ type: 'number', nullable: true, required: false, description: 'actor-topic, replies: mean stance score.' })
  meanScore?: number | null;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 1 },
    description: 'actor-topic, replies: statements per stance id (stances without any left out).',
  })
  stanceCounts?: Record<string, number>;
}

export class NetworkDocument {
  @ApiProperty({ enum: NETWORK_KINDS }) kind: string;
  @ApiProperty() directed: boolean;
  @ApiProperty() bipartite: boolean;
  @ApiProperty({ enum: ['statements', 'topics', 'replies'], description: 'What a link weight counts.' }) weight: string;
  @ApiProperty({ type: [NetworkStance] }) stances: NetworkStance[];
  @ApiProperty({ type: 'integer', minimum: 0 }) nodeCount: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) linkCount: number;
  @ApiProperty({ description: 'More links than maxLinks: nodes and links are left out (download the file instead).' }) tooLarge: boolean;
  @ApiProperty({ type: [NetworkNodeEntry] }) nodes: NetworkNodeEntry[];
  @ApiProperty({ type: [NetworkLink] }) links: NetworkLink[];
}
