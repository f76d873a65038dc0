'use strict';
/* global require */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS that node preloads itself, without tsx */
// Loaded into each app with `NODE_OPTIONS=--require …` when BENCH_CPU_PROF=1 (Node 20 does not
// allow --cpu-prof in NODE_OPTIONS). Profiles the whole process with the inspector and writes a
// .cpuprofile, named like --cpu-prof's, to BENCH_CPU_PROF_DIR when the app is told to stop
// (SIGTERM, before the app's own shutdown re-raises it) or exits.
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.BENCH_CPU_PROF_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    // A session on the main thread answers synchronously, so this works inside 'exit' too.
    session.post('Profiler.stop', (error, result) => {
      if (error || !result) return;
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '.').slice(0, 15);
      writeFileSync(
        join(dir, `CPU.${stamp}.${process.pid}.0.001.cpuprofile`),
        JSON.stringify(result.profile),
      );
    });
  };
  const onSigterm = () => {
    write();
    // Leave the signal to the app: once its own handler re-raises it, nothing of ours is listening.
    process.removeListener('SIGTERM', onSigterm);
  };
  process.on('SIGTERM', onSigterm);
  process.on('exit', write);
}
