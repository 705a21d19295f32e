import { Module } from '@nestjs/common';
import { FirstAdmin } from './first-admin';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController],
  providers: [UsersService, FirstAdmin],
  exports: [UsersService, FirstAdmin],
})
export class UsersModule {}
