import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { badRequest } from '../kernel/errors/api-errors';
import { EdtfError, parseEdtf } from './edtf/parse-edtf';
import { SUGGESTION_TEXT_MAX_LENGTH, suggestEdtf } from './edtf/suggest-edtf';
import { Access } from '../auth/access.decorator';

class ParsedDate {
  @ApiProperty({ example: '2019-06' }) date: string;
  @ApiProperty({ example: '2019-06-01', pattern: '^(\\d{4}-\\d{2}-\\d{2}|-?infinity)$' }) dateStart: string;
  @ApiProperty({ example: '2019-06-30', pattern: '^(\\d{4}-\\d{2}-\\d{2}|-?infinity)$' }) dateEnd: string;
  @ApiProperty({ example: 'June 2019' }) displayDate: string;
}

class DateSuggestions {
  @ApiProperty({ example: 'before 2019-01' }) text: string;
  @ApiProperty({
    type: [ParsedDate],
    description: 'EDTF forms the text may stand for, each as it would be stored, most likely first; empty when none fits.',
    example: [{ date: '../2019-01', dateStart: '-infinity', dateEnd: '2019-01-31', displayDate: 'by January 2019' }],
  })
  suggestions: ParsedDate[];
}

/** Only `allowed`, each given once (a repeated key arrives as an array). */
function onlyParameter(query: Record<string, unknown>, allowed: string): string {
  const unknown = Object.keys(query).filter((key) => key !== allowed);
  if (unknown.length) throw badRequest(Object.fromEntries(unknown.map((key) => [key, `is not a parameter; use ${allowed}`])));
  const value = query[allowed];
  if (typeof value !== 'string') throw badRequest({ [allowed]: 'must be given once' });
  return value;
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
    const date = onlyParameter(query, 'date');
    try {
      return parseEdtf(date);
    } catch (error) {
      if (error instanceof EdtfError) throw badRequest({ date: `date ${error.message}` });
      throw error;
    }
  }

  @Get('suggestions')
  @ApiOperation({
    summary: 'Suggest EDTF for a date in words',
    description:
      'The EDTF forms a date written in words may stand for: "before 2019-01" → ../2019-01 (by January 2019), ' +
      '"after 2019-01" → 2019-01/.., "c. 2019" → 2019~, "maybe 2019" → 2019?, "January 2019" → 2019-01. For the date input to offer.',
  })
  @ApiQuery({ name: 'text', example: 'before 2019-01', schema: { type: 'string', maxLength: SUGGESTION_TEXT_MAX_LENGTH } })
  @ApiOkResponse({ type: DateSuggestions })
  suggest(@Query() query: Record<string, unknown>): DateSuggestions {
    const text = onlyParameter(query, 'text');
    if (text.length > SUGGESTION_TEXT_MAX_LENGTH) throw badRequest({ text: `must be at most ${SUGGESTION_TEXT_MAX_LENGTH} characters` });
    if (text.includes('\u0000')) throw badRequest({ text: 'must not contain NUL characters' });
    return { text, suggestions: suggestEdtf(text) };
  }
}
