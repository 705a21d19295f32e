import { Global, Module } from '@nestjs/common';
import { RecordCollections } from './collection/record-collections';

/**
 * The records engine: the list protocol (list-query/), curated collections with versions,
 * authors, history and trash (collection/), and records declared field by field (fields/).
 * Features plug into it; it imports none of them. What it needs from outside — who is calling,
 * where changes are recorded — it declares (record-author.ts, record-history.ts) for a feature
 * to provide.
 */
@Global()
@Module({ providers: [RecordCollections], exports: [RecordCollections] })
export class RecordsModule {}
