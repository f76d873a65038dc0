const { PgStore } = require('/work/main/dist/libs/persistence/src');
const { sampleOps } = require('/work/main/dist/libs/persistence/src/testing/sample-ops');
const { customerIdForIdentity, deriveId } = require('/work/main/dist/libs/domain/src');
(async () => {
  const url = 'postgres://postgres@127.0.0.1:5432/kb_prof_p';
  const s = { poolSize: 4, connectTimeoutMs: 5000, statementTimeoutMs: 60000 };
  const store = PgStore.connect({ ...s, url }, 'primary');
  const run = async (label) => {
    const lines = [];
    for (let i = 0; i < 300; i++) { const r = sampleOps.registerTelegram(); const c = customerIdForIdentity('telegram', r.payload.telegramId); const o = sampleOps.placeOrder(c); lines.push([r, o, sampleOps.changeStatus(deriveId(o.opId,'order'),'paid')]); }
    const t = performance.now();
    await Promise.all(Array.from({length: 4}, async () => { for (let l = lines.shift(); l; l = lines.shift()) for (const op of l) await store.applyOp(op); }));
    console.log(label, Math.round(900 / ((performance.now() - t) / 1000)), 'ops/s');
  };
  const mode = process.argv[2];
  await run(mode); await run(mode); await run(mode);
  await store.close();
})();
