import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { applyFilters } from '../records/list-query/collection-reader';
import { attachmentFor } from './export-file-name';
import { EXPORT_FORMATS } from './export-formats';
import { RecordExportRequest } from './export-request';
import { exportDay, ExportStreamer } from './export-stream';
import { csvSerializer } from './formats/csv';
import { jsonSerializer, ndjsonSerializer } from './formats/json';
import { RecordExport, recordFileWords } from './record-exports';

/**
 * An export of actors or sources: the records their list shows (same filters, same order, live
 * ones only), every one of them, streamed as the statement export is (export-stream.ts), and
 * counted against the same limits (export-slots.ts).
 */
@Injectable()
export class RecordExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly streamer: ExportStreamer,
  ) {}

  export(exported: RecordExport, request: RecordExportRequest, response: Response): Promise<void> {
    return this.streamer.send(response, () => {
      const { alias } = exported.table;
      const qb = this.dataSource.createQueryBuilder().from(exported.table.entity, alias).where(`${alias}.deleted_at IS NULL`).select([]);
      applyFilters(qb, request.filters, exported.table.filterSql);
      for (const name of request.columns) qb.addSelect(exported.columns[name].sql, name);
      const { field, order, idOrder } = request.sort;
      if (idOrder) qb.orderBy(`array_position(CAST(:idOrder AS int[]), ${alias}.id)`, 'ASC').setParameter('idOrder', [...idOrder]);
      else qb.orderBy(exported.table.sortSql[field], order).addOrderBy(`${alias}.id`, order);
      const [sql, params] = qb.getQueryAndParameters();
      const { extension, contentType } = EXPORT_FORMATS[request.format];
      const serializer =
        request.format === 'csv'
          ? csvSerializer(request.columns, { bom: request.bom, catalog: exported.columns })
          : request.format === 'json'
            ? jsonSerializer(request.columns)
            : ndjsonSerializer(request.columns);
      return Promise.resolve({
        sql,
        params,
        serializer,
        contentType,
        contentDisposition: attachmentFor(exported.resource, recordFileWords(request.filters), undefined, exportDay(), extension),
        what: `${exported.resource} as ${request.format}`,
      });
    });
  }
}
