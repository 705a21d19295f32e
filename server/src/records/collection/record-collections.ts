import { Injectable, NotFoundException } from '@nestjs/common';
import type { RecordAuthor } from './record-author';
import type { VersionedRow } from './version';

/** A curated collection as the features that work across collections (the trash) see it (CollectionService). */
export interface AnyCollection {
  readonly resource: string;
  /** The table, and the column that names a record in it. */
  readonly naming: { table: string; column: string };
  restore(id: number, author: RecordAuthor): Promise<VersionedRow>;
  purge(id: number, author: RecordAuthor): Promise<VersionedRow>;
}

/**
 * Every curated collection of the app, by resource name. Each collection registers itself when
 * its module starts, so that features working across collections (the trash) find them without
 * importing them.
 */
@Injectable()
export class RecordCollections {
  private readonly byResource = new Map<string, AnyCollection>();

  register(collection: AnyCollection): void {
    if (this.byResource.has(collection.resource)) throw new Error(`Two collections call themselves "${collection.resource}"`);
    this.byResource.set(collection.resource, collection);
  }

  /** The collection, or 404 naming the resource. */
  get(resource: string): AnyCollection {
    const collection = this.byResource.get(resource);
    if (!collection)
      throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `There is no collection called "${resource}"` });
    return collection;
  }

  get resources(): string[] {
    return [...this.byResource.keys()];
  }
}
