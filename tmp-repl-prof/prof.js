const { PgStore, migrateDatabase, withDatabase } = require('/work/main/dist/libs/persistence/src');
const { sampleOps } = require('/work/main/dist/libs/persistence/src/testing/sample-ops');
const { customerIdForIdentity, deriveId } = require('/work/main/dist/libs/domain/src');
const { Client } = require('pg');
(async () => {
  const base = 'postgres://postgres@127.0.0.1:5432/';
  const p = withDatabase(base + 'x', 'kb_prof_p'), b = withDatabase(base + 'x', 'kb_prof_b');
  const admin = new Client({ connectionString: base + 'postgres' }); await admin.connect();
  for (const n of ['kb_prof_p','kb_prof_b']) await admin.query(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
  await migrateDatabase(p); await migrateDatabase(b);
  const s = { poolSize: 16, connectTimeoutMs: 5000, statementTimeoutMs: 60000 };
  const primary = PgStore.connect({ ...s, url: p }, 'primary');
  const backup = PgStore.connect({ ...s, url: b }, 'backup');
  const lines = [];
  for (let i = 0; i < 1000; i++) { const r = sampleOps.registerTelegram(); const c = customerIdForIdentity('telegram', r.payload.telegramId); const o = sampleOps.placeOrder(c); lines.push([r, o, sampleOps.changeStatus(deriveId(o.opId,'order'),'paid')]); }
  let t = performance.now();
  await Promise.all(Array.from({length: 16}, async () => { for (let l = lines.shift(); l; l = lines.shift()) for (const op of l) await primary.applyOp(op); }));
  console.log('apply 3000 on primary ms', Math.round(performance.now() - t));
  const batch = await primary.replication.readOutbox({ xid: '0', seq: '0' }, 3000);
  console.log('ops', batch.ops.count, 'json KB', Math.round(batch.ops.json.length/1024));
  if (!process.env.SKIP) { t = performance.now();
  const rep = await backup.replication.applyOps('primary', batch.ops);
  console.log('apply batch ms', Math.round(performance.now() - t), rep.copied); }
  await primary.close(); await backup.close(); await admin.end();
})().catch(e => { console.error(e); process.exit(1); });
