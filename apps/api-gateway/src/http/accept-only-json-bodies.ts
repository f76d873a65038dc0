import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';

/**
 * The API speaks JSON only, so any other body is a 415 (Fastify's FST_ERR_CTP_INVALID_MEDIA_TYPE,
 * which the problem filter maps). Fastify parses text/plain by default and Nest adds
 * urlencoded at init; a body in either would otherwise reach validation as a string or a form
 * and come back as a confusing 400. Registering the JSON parser here (Nest's own, with the
 * prototype-poisoning guards) tells Nest its parsers are set, so it adds no urlencoded one.
 */
export function acceptOnlyJsonBodies(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser('text/plain');
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>(
    'application/json',
    { bodyLimit: fastify.initialConfig.bodyLimit },
    (request, body, done) => parseJson(request, body.toString('utf8'), done),
  );
}
