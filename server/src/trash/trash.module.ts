import { Module } from '@nestjs/common';
import { TrashController } from './trash.controller';
import { TrashService } from './trash.service';

/** Deleted records across every collection (found through the records engine's registry): list, restore, purge. */
@Module({
  controllers: [TrashController],
  providers: [TrashService],
})
export class TrashModule {}
