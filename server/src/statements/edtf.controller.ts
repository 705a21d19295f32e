import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { badRequest } from '../kernel/errors/api-errors';
import { EdtfError, parseEdtf } from './edtf/parse-edtf';
import { Access } from '../auth/access.decorator';

class ParsedDate {
  @ApiProperty({ example: '2019-06' }) date: string;
  @ApiProperty({ example: '2019-06-01', pattern: '^(\\d{4}-\\d{2}-\\d{2}|-?infinity)$' }) dateStart: string;
  @ApiProperty({ example: '2019-06-30', pattern: '^(\\d{4}-\\d{2}-\\d{2}|-?infinity)$' }) dateEnd: string;
  @ApiProperty({ example: 'June 2019' }) displayDate: string;
}

/** How the server will read an EDTF date, for the admin's date input to preview as one types. */
@ApiTags('statements')
@Access('read')
@Controller('edtf')
export class EdtfController {
  @Get()
  @ApiOperation({ summary: 'Read an EDTF date', description: 'The day bounds and display form the server would store for a date.' })
  @ApiQuery({ name: 'date', example: '2018-23' })
  @ApiOkResponse({ type: ParsedDate })
  parse(@Query() query: Record<string, unknown>): ParsedDate {
    const unknown = Object.keys(query).filter((key) => key !== 'date');
    if (unknown.length) throw badRequest(Object.fromEntries(unknown.map((key) => [key, 'is not a parameter; use date'])));
    if (typeof query.date !== 'string') throw badRequest({ date: 'must be given once' });
    try {
      return parseEdtf(query.date);
    } catch (error) {
      if (error instanceof EdtfError) throw badRequest({ date: `date ${error.message}` });
      throw error;
    }
  }
}
