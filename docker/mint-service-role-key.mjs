#!/usr/bin/env node
// Mints the `service_role` key KarmaBot uses as SUPABASE_KEY against the compose stand-in
// (PostgREST checks it with PGRST_JWT_SECRET). A real Supabase project gives you this key in its
// dashboard (Project Settings → API); do not mint one for it.
//
//   SUPABASE_JWT_SECRET=... node docker/mint-service-role-key.mjs [years-valid]
//
// HS256 JWT with {"role":"service_role","iss":"supabase"}, valid 10 years unless told otherwise.
import { Buffer } from 'node:buffer';
import { createHmac } from 'node:crypto';

const secret = process.env.SUPABASE_JWT_SECRET ?? '';
if (secret.length < 32) {
  console.error(
    'mint-service-role-key: set SUPABASE_JWT_SECRET to at least 32 characters (PostgREST refuses shorter ones)',
  );
  process.exit(1);
}
const years = Number(process.argv[2] ?? '10');
if (!Number.isFinite(years) || years <= 0) {
  console.error('mint-service-role-key: years-valid must be a positive number');
  process.exit(1);
}

const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const issuedAt = Math.floor(Date.now() / 1000);
const header = encode({ alg: 'HS256', typ: 'JWT' });
const payload = encode({
  role: 'service_role',
  iss: 'supabase',
  iat: issuedAt,
  exp: issuedAt + Math.round(years * 365 * 24 * 3600),
});
const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
process.stdout.write(`${header}.${payload}.${signature}\n`);
