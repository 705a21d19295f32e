import { Check, Entity } from 'typeorm';
import { RecordEntity } from '../records/collection/record.entity';
import { declareColumns } from '../records/fields/declare-fields';
import { SOURCE_FIELDS } from './source.fields';

/**
 * Where we know a statement from; its columns are SOURCE_FIELDS. Its addresses are web
 * addresses in the database too (RequireWebSourceUrls): whatever writes the row — the API, an
 * import, a restore, SQL — a report never links `javascript:`.
 */
@Entity('sources')
@Check('chk_sources_url', `url IS NULL OR url ~* '^https?://'`)
@Check('chk_sources_archive_url', `archive_url IS NULL OR archive_url ~* '^https?://'`)
export class Source extends RecordEntity {}
declareColumns(Source, SOURCE_FIELDS);
