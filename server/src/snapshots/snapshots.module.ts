import { DynamicModule, Module } from '@nestjs/common';
import { SnapshotDiffer } from './snapshot-diff';
import { SnapshotFreezer } from './snapshot-freezer';
import { SNAPSHOT_SETTINGS, SnapshotSettings } from './snapshot-settings';
import { SnapshotsController } from './snapshots.controller';
import { SnapshotsService } from './snapshots.service';

/** Snapshots: frozen, citable versions of a statement query. */
@Module({})
export class SnapshotsModule {
  static forRoot(settings: SnapshotSettings): DynamicModule {
    return {
      module: SnapshotsModule,
      controllers: [SnapshotsController],
      providers: [SnapshotsService, SnapshotFreezer, SnapshotDiffer, { provide: SNAPSHOT_SETTINGS, useValue: settings }],
    };
  }
}
