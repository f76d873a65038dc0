import { Body, Controller, Delete, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import {
  ApiKeyView,
  CreateApiKeyCommand,
  OpOutcome,
  Patterns,
  RevokeApiKeyCommand,
} from '@karmabot/contracts';
import { Pepper, RpcClient } from '@karmabot/common';
import { Auth } from '../auth/auth.decorator';
import { ApiKeyRevocations } from '../auth/api-key-revocations';
import { ApiProblems } from '../docs/api-problems.decorator';
import { Write, WriteContext } from '../idempotency/write-context';
import { answerWrite } from '../ops/op-response';
import { ApiKeyCreatedResponse } from './api-key-created.response';
import { ApiKeyIdParams } from './api-key-id.params';
import { ApiKeyResponse } from './api-key.response';
import { CreateApiKeyBody } from './create-api-key.body';
import { generateApiKey } from './generate-api-key';
import { hashApiKey } from './hash-api-key';

const SHOWN_ONCE =
  'This answers a replay of an earlier request (same Idempotency-Key): the key was shown in the first answer only and cannot be shown again';
const QUEUED =
  'The stores are unavailable: the key is queued and works once it is applied; keep it now, it is not shown again';
const IDEMPOTENCY_KEY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Makes a retry safe: the same key and body return the first answer (without the secret)',
};

type QueuedApiKey = Omit<ApiKeyView, 'createdAt'> & { createdAt: null; opId: string };

/**
 * Admin management of API keys. The gateway makes the key and its HMAC here; only the HMAC goes
 * on to platform-adapters and into the op, and the key leaves only in the 201 body.
 */
@ApiTags('admin')
@Controller('v1/admin/api-keys')
export class ApiKeysController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly pepper: Pepper,
    private readonly revocations: ApiKeyRevocations,
  ) {}

  @Post()
  @HttpCode(201)
  @Auth('admin')
  @ApiOperation({
    summary: 'Create an API key',
    description:
      'Returns the key (`kb_<prefix>_<secret>`) once; only its HMAC is stored. Send it as `X-API-Key`. ' +
      'A replay of the same `Idempotency-Key` and body answers with the same status and metadata but ' +
      '`key: null` and a `detail` saying the secret is only shown once (and `Idempotent-Replayed: true`). When both stores are down the ' +
      'create is queued: 202 with the key and `status: "queued"`; the key works once the create is applied.',
  })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCreatedResponse({ type: ApiKeyCreatedResponse })
  @ApiAcceptedResponse({ type: ApiKeyCreatedResponse, description: 'Queued while the stores are down' })
  @ApiProblems(400, 401, 415, 422, 503)
  async create(
    @Body() body: CreateApiKeyBody,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const material = generateApiKey();
    const command: CreateApiKeyCommand = {
      opId: write.opId,
      requestHash: write.requestHash,
      key: {
        keyId: uuidv7(),
        prefix: material.prefix,
        secretHash: hashApiKey(material.key, this.pepper.value),
        name: body.name,
        scopes: body.scopes,
        rateLimitPerMinute: body.rate_limit_per_minute,
      },
    };
    const outcome = await this.rpc.send<OpOutcome<ApiKeyView>>(Patterns.apiKey.create, command, {
      caller: write.caller,
    });
    if (outcome.state === 'queued' && !outcome.replayed) {
      // The one chance to hand out the key: answerWrite's bare queued answer would lose it.
      reply.header('x-op-id', outcome.opId).status(202);
      return { ...queuedView(command), key: material.key, status: 'queued', detail: QUEUED };
    }
    return answerWrite(reply, outcome, (view) =>
      outcome.replayed ? { ...view, key: null, detail: SHOWN_ONCE } : { ...view, key: material.key },
    );
  }

  @Delete(':id')
  @Auth('admin')
  @ApiOperation({
    summary: 'Revoke an API key',
    description:
      'Every gateway refuses the key from the moment this answers. Revoking a revoked key returns it unchanged.',
  })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOkResponse({ type: ApiKeyResponse })
  @ApiProblems(400, 401, 404, 422, 503)
  async revoke(
    @Param() params: ApiKeyIdParams,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command: RevokeApiKeyCommand = {
      opId: write.opId,
      requestHash: write.requestHash,
      keyId: params.id,
    };
    const outcome = await this.rpc.send<OpOutcome<ApiKeyView>>(Patterns.apiKey.revoke, command, {
      caller: write.caller,
    });
    const answer = answerWrite(reply, outcome, (view) => view);
    // A queued revoke has nothing to evict yet: the key works until the revoke is applied.
    if ('prefix' in answer) await this.revocations.announce(answer.prefix);
    return answer;
  }
}

function queuedView({ opId, key }: CreateApiKeyCommand): QueuedApiKey {
  return {
    id: key.keyId,
    prefix: key.prefix,
    name: key.name,
    scopes: key.scopes,
    rateLimitPerMinute: key.rateLimitPerMinute ?? null,
    createdAt: null,
    revokedAt: null,
    opId,
  };
}
