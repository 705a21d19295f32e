import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsStorableText, OptionalNotNull, RequiredText } from '../kernel/validation/field-decorators';
import { PASSWORD_MAX_LENGTH } from './password-hash';
import { AccountRecord } from '../users/user.dto';
import { TOKEN_KINDS, TOKEN_SCOPES, TokenKind, TokenScope } from './auth-token.entity';

export class LoginInput {
  @ApiProperty({ example: 'admin@localhost' })
  @IsString()
  @MaxLength(320)
  // Compared with stored addresses: PostgreSQL refuses NUL, and a lone surrogate would be sent as U+FFFD.
  @IsStorableText()
  email: string;

  @ApiProperty()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

export class ChangePasswordInput {
  @ApiProperty()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword: string;

  @ApiProperty({ minLength: 10, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  newPassword: string;

  @ApiPropertyOptional({
    type: 'boolean',
    default: false,
    description:
      'Keep my personal API tokens working. By default a new password revokes them, as it signs out the other sessions: ' +
      'a password that may have leaked may have been used to make tokens.',
  })
  @OptionalNotNull()
  @IsBoolean({ message: 'keepPersonalTokens must be true or false' })
  keepPersonalTokens?: boolean;
}

/** A personal token's life when none is asked for, and the longest it may be given: a leaked token is not valid forever. */
export const PERSONAL_TOKEN_DEFAULT_DAYS = 90;
export const PERSONAL_TOKEN_MAX_DAYS = 365;

export class PersonalTokenInput {
  @RequiredText(100, 'What the token is for', 'weekly report script')
  name: string;

  @ApiProperty({ enum: TOKEN_SCOPES, description: 'read: what a viewer may do; read-write: what your role may do' })
  @IsIn(TOKEN_SCOPES, { message: `scope must be one of: ${TOKEN_SCOPES.join(', ')}` })
  scope: TokenScope;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: PERSONAL_TOKEN_MAX_DAYS,
    default: PERSONAL_TOKEN_DEFAULT_DAYS,
    description: `Days until the token stops working: ${PERSONAL_TOKEN_DEFAULT_DAYS} when left out, at most ${PERSONAL_TOKEN_MAX_DAYS} (a year)`,
  })
  @OptionalNotNull()
  @IsInt({ message: `expiresInDays must be a whole number of days from 1 to ${PERSONAL_TOKEN_MAX_DAYS}` })
  @Min(1, { message: `expiresInDays must be a whole number of days from 1 to ${PERSONAL_TOKEN_MAX_DAYS}` })
  @Max(PERSONAL_TOKEN_MAX_DAYS, {
    message: `expiresInDays must be at most ${PERSONAL_TOKEN_MAX_DAYS}: a personal token lasts a year at most`,
  })
  expiresInDays?: number;
}

/** A signed-in session: the bearer token and whose it is. */
export class SessionRecord {
  @ApiProperty({ description: 'Send as Authorization: Bearer <token>.' }) token: string;
  @ApiProperty({ type: 'string', format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: AccountRecord }) user: AccountRecord;
}

class CredentialRecord {
  @ApiProperty({ enum: TOKEN_KINDS, enumName: 'TokenKind' }) kind: TokenKind;
  @ApiProperty({ enum: TOKEN_SCOPES, enumName: 'TokenScope' }) scope: TokenScope;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) expiresAt: string | null;
}

/** Who is calling, and with which credential. */
export class CallerRecord {
  @ApiProperty({ type: AccountRecord }) user: AccountRecord;
  @ApiProperty({ type: CredentialRecord }) token: CredentialRecord;
}

/** A personal API token as its owner sees it (never its secret, but once). */
export class PersonalTokenRecord {
  @ApiProperty({ type: 'integer', minimum: 1 }) id: number;
  @ApiProperty({ example: 'weekly report script' }) name: string;
  @ApiProperty({ enum: TOKEN_SCOPES, enumName: 'TokenScope' }) scope: TokenScope;
  @ApiProperty({ type: 'string', format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) expiresAt: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'To the minute.' }) lastUsedAt: string | null;
}

export class NewPersonalToken extends PersonalTokenRecord {
  @ApiProperty({ description: 'The token itself: shown this once.' }) token: string;
}

export class ExportTicket {
  @ApiProperty({ description: 'Append ticket=… to one export URL.' }) ticket: string;
  @ApiProperty({ type: 'string', format: 'date-time' }) expiresAt: string;
}
