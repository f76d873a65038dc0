const { Client } = require('pg');
const { readFileSync } = require('fs');
const cpu = (pid) => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
(async () => {
  const c = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/' + (process.argv[3] || 'kb_prof_b') });
  await c.connect();
  const pid = (await c.query('select pg_backend_pid() p')).rows[0].p;
  for (let i = 0; i < Number(process.argv[4] || 3); i++) {
    await c.query('BEGIN');
    const a = cpu(pid), t = performance.now();
    await c.query(process.argv[2]);
    const b = cpu(pid);
    await c.query('ROLLBACK');
    console.log('cpu ms', b - a, 'wall ms', Math.round(performance.now() - t));
  }
  await c.end();
})();
