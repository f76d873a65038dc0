import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { APP_VERSION } from '../admin/app-version';

/**
 * Swagger UI at `/docs` and the OpenAPI 3 document at `/docs-json`, built from the
 * controllers' decorators on first request. `api_key` and `admin` are the two ways in.
 */
export function setupSwagger(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('KarmaBot API')
    .setDescription(
      'Customers, orders and loyalty across Telegram, website, mobile, desktop and partners. ' +
        'JSON is snake_case; every error is RFC 9457 application/problem+json. Writes accept an ' +
        '`Idempotency-Key` header: a retry with the same key returns the first answer. Requests ' +
        'with an API key carry `RateLimit-Policy` and `RateLimit` headers (draft-ietf-httpapi-ratelimit-headers).',
    )
    .setVersion(APP_VERSION)
    .addApiKey(
      { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'kb_<prefix>_<secret>' },
      'api_key',
    )
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN' }, 'admin')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config), {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
  });
}
