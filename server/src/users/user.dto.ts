import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsEmail } from 'class-validator';
import { EnumField, MaxChars, OptionalNotNull, ReadOnlyField, RequiredText } from '../kernel/validation/field-decorators';
import { USER_ROLES, UserRole } from './user.entity';

/** Fields of a user record that react-admin sends back and the server owns. */
abstract class UserReadOnly {
  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() email?: unknown;
  @ReadOnlyField() mustChangePassword?: unknown;
  @ReadOnlyField() oneTimePasswordExpiresAt?: unknown;
  @ReadOnlyField() lastLoginAt?: unknown;
  @ReadOnlyField() oneTimePassword?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
}

export class UserInvite {
  @ApiProperty({ example: 'ada@example.org' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxChars(320)
  email: string;

  @RequiredText(200, 'Name shown in the history', 'Ada Editor')
  displayName: string;

  @EnumField(USER_ROLES, { required: true })
  role: UserRole;
}

export class UserChange extends UserReadOnly {
  // Optional in a PUT too (the record's other fields stay as they are), but never null or blank.
  @ApiPropertyOptional({ maxLength: 200 })
  @RequiredText(200)
  @OptionalNotNull()
  displayName?: string;

  @EnumField(USER_ROLES, { required: false })
  role?: UserRole;

  @ApiPropertyOptional({ description: 'false deactivates the account and revokes its tokens' })
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;
}

export class UserPatch extends PartialType(UserChange) {}

/** An account as the API shows it (never its password hash). */
export class AccountRecord {
  @ApiProperty({ type: 'integer', minimum: 1 }) id: number;
  @ApiProperty({ example: 'ada@example.org' }) email: string;
  @ApiProperty({ example: 'Ada Editor' }) displayName: string;
  @ApiProperty({ enum: USER_ROLES, enumName: 'UserRole' }) role: UserRole;
  @ApiProperty({ description: 'false: deactivated, every token revoked' }) active: boolean;
  @ApiProperty({ description: 'A one-time password is still to be replaced: the account may do nothing else until it is.' })
  mustChangePassword: boolean;
  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description:
      'When the one-time password stops working; null without one (or for the first admin’s generated one, which does not expire).',
  })
  oneTimePasswordExpiresAt: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) lastLoginAt: string | null;
  @ApiProperty({ type: 'string', format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: 'string', format: 'date-time' }) updatedAt: string;
}

/** A new account, with the one-time password it must replace at its first sign-in. */
export class InvitedAccount extends AccountRecord {
  @ApiProperty({ description: 'Shown this once.' }) oneTimePassword: string;
}

export class OneTimePassword {
  @ApiProperty({ description: 'Shown this once; the account must replace it at its next sign-in.' }) oneTimePassword: string;
}
