import { Module } from '@nestjs/common';
import { OpApplier } from './op-applier';
import { PersistenceQueries } from './persistence-queries';

/** The adapters' side of the persistence app: typed reads and op application. */
@Module({
  providers: [OpApplier, PersistenceQueries],
  exports: [OpApplier, PersistenceQueries],
})
export class PersistenceClientModule {}
