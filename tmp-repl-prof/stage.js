const { PgStore } = require('/work/main/dist/libs/persistence/src');
(async () => {
  const s = { poolSize: 2, connectTimeoutMs: 5000, statementTimeoutMs: 60000 };
  const primary = PgStore.connect({ ...s, url: 'postgres://postgres@127.0.0.1:5432/kb_prof_p' }, 'primary');
  const backup = PgStore.connect({ ...s, url: 'postgres://postgres@127.0.0.1:5432/kb_prof_b' }, 'backup');
  const batch = await primary.replication.readOutbox({ xid: '0', seq: '0' }, 3000);
  await backup['pool'].query('DROP TABLE IF EXISTS zz_batch');
  await backup['pool'].query('CREATE TABLE zz_batch AS SELECT $1::jsonb AS j', [batch.ops.json]);
  await primary.close(); await backup.close();
})();
