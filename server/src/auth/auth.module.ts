import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_OPTIONS, AuthOptions } from './auth-options';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { PasswordHashing } from './password-hashing';

@Global()
@Module({})
export class AuthModule {
  /** Sign-in and tokens, and the guard that every route of the API passes through. */
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      controllers: [AuthController],
      providers: [{ provide: AUTH_OPTIONS, useValue: options }, PasswordHashing, AuthService, { provide: APP_GUARD, useClass: AuthGuard }],
      exports: [AuthService, PasswordHashing, AUTH_OPTIONS],
    };
  }
}
