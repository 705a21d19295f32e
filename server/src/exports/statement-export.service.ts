import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { Transform } from 'node:stream';
import { DataSource } from 'typeorm';
import { describeFilters, describeSort, FilterNames, loadFilterNames } from './describe-filters';
import { attachmentFor, dateRangeInName, statementFileWords } from './export-file-name';
import { EXPORT_FORMATS } from './export-formats';
import { buildExportQuery } from './export-query';
import { ExportRequest } from './export-request';
import { exportDay, ExportStreamer } from './export-stream';
import { csvSerializer } from './formats/csv';
import { jsonSerializer, ndjsonSerializer } from './formats/json';
import { markdownSerializer } from './formats/markdown';
import { timelineJsSerializer } from './formats/timelinejs';

/** The statements a list shows, as a file in one of the export formats, streamed (export-stream.ts). */
@Injectable()
export class StatementExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly streamer: ExportStreamer,
  ) {}

  export(request: ExportRequest, response: Response): Promise<void> {
    return this.streamer.send(response, async () => {
      const names = await loadFilterNames(this.dataSource, request.filters);
      const { extension, contentType } = EXPORT_FORMATS[request.format];
      const dates = dateRangeInName(request.filters.date_gte, request.filters.date_lte);
      return {
        ...buildExportQuery(this.dataSource, request),
        serializer: this.serializer(request, names),
        contentType,
        contentDisposition: attachmentFor('statements', statementFileWords(request.filters, names), dates, exportDay(), extension),
        what: `statements as ${request.format}`,
      };
    });
  }

  private serializer(request: ExportRequest, names: FilterNames): Transform {
    switch (request.format) {
      case 'csv':
        return csvSerializer(request.columns, { bom: request.bom });
      case 'json':
        return jsonSerializer(request.columns);
      case 'ndjson':
        return ndjsonSerializer(request.columns);
      case 'markdown':
      case 'timelinejs': {
        const title = describeFilters(request.filters, names);
        return request.format === 'markdown'
          ? markdownSerializer({
              title,
              exportedOn: exportDay(),
              sortedBy: describeSort(request.sort),
              replyTargets: request.publishedOnly ? 'verified' : 'all',
            })
          : timelineJsSerializer({ title, exportedOn: exportDay() });
      }
    }
  }
}
