import { Module } from '@nestjs/common';
import { Pepper } from '../secrets/pepper';
import { OpApplier } from './op-applier';
import { PersistenceQueries } from './persistence-queries';

/** The adapters' side of the persistence app: typed reads and op application. */
@Module({
  providers: [Pepper, OpApplier, PersistenceQueries],
  exports: [Pepper, OpApplier, PersistenceQueries],
})
export class PersistenceClientModule {}
