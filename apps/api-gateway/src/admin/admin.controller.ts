import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Patterns } from '@karmabot/contracts';
import { APP_CONFIG, AppConfig, RpcClient } from '@karmabot/common';
import { ApiKeyCache } from '../auth/api-key-cache';
import { Auth } from '../auth/auth.decorator';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { ApiProblems } from '../docs/api-problems.decorator';
import { AdminHealthResponse } from './admin-health.response';
import { AdminStatusResponse } from './admin-status.response';
import { APP_VERSION } from './app-version';
import { PeerApp, peerApps } from './peer-apps';
import { probeReadiness } from './probe-readiness';
import { StoreStatusReader } from './store-status-reader';

const HEALTH_TIMEOUT_MS = 1_000;
const STATUS_TIMEOUT_MS = 2_000;
/** Reconciliation compares whole op logs: give it far longer than an ordinary RPC. */
const SYNC_TIMEOUT_MS = 60_000;

@ApiTags('admin')
@Controller('v1/admin')
export class AdminController {
  private readonly peers: PeerApp[];

  constructor(
    private readonly rpc: RpcClient,
    private readonly storeStatus: StoreStatusReader,
    private readonly apiKeyCache: ApiKeyCache,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.peers = peerApps(config);
  }

  @Get('health')
  @ApiOperation({
    summary: 'Public health summary',
    description: 'Always 200 while the gateway runs; `status` and `mode` say how the stores are doing.',
  })
  @ApiOkResponse({ type: AdminHealthResponse })
  async health() {
    const store = await this.storeStatus.read(HEALTH_TIMEOUT_MS);
    const mode = store.isReachable && typeof store.answer.mode === 'string' ? store.answer.mode : 'UNKNOWN';
    return { status: healthOf(mode), mode, version: APP_VERSION, uptimeS: uptimeSeconds() };
  }

  @Get('status')
  @Auth('admin')
  @ApiOperation({
    summary: 'Every app, the stores and the gateway caches',
    description: 'Probes run in parallel, each with a 2 s limit.',
  })
  @ApiOkResponse({ type: AdminStatusResponse })
  @ApiProblems(401)
  async status() {
    const [store, ...readiness] = await Promise.all([
      this.storeStatus.read(STATUS_TIMEOUT_MS),
      ...this.peers.map((peer) => probeReadiness(peer.baseUrl, STATUS_TIMEOUT_MS)),
    ]);
    const mode = store.isReachable && typeof store.answer.mode === 'string' ? store.answer.mode : 'UNKNOWN';
    const isEveryAppUp = readiness.every((app) => app.status === 'up');
    return {
      status: isEveryAppUp ? healthOf(mode) : 'degraded',
      mode,
      version: APP_VERSION,
      uptimeS: uptimeSeconds(),
      checkedAt: new Date().toISOString(),
      apps: {
        'api-gateway': { status: 'up', latencyMs: 0 },
        ...Object.fromEntries(this.peers.map((peer, i) => [peer.name, readiness[i]])),
      },
      database: store.isReachable
        ? { reachable: true, latencyMs: store.latencyMs, ...store.answer }
        : { reachable: false, latencyMs: store.latencyMs, error: store.error },
      caches: { apiKeys: this.apiKeyCache.stats() },
    };
  }

  @Post('sync')
  @HttpCode(200)
  @Auth('admin')
  @ApiOperation({
    summary: 'Reconcile the two stores now',
    description:
      "Compares both stores' ops since the last watermark and applies what each lacks; answers what it copied.",
  })
  @ApiOkResponse({
    description: "persistence's reconciliation report",
    schema: { type: 'object', additionalProperties: true },
  })
  @ApiProblems(401, 503)
  sync(@CurrentCaller() caller: Caller) {
    return this.rpc.send<unknown>(Patterns.store.sync, {}, { caller, timeoutMs: SYNC_TIMEOUT_MS });
  }
}

function healthOf(mode: string): 'ok' | 'degraded' {
  return mode === 'FULL_OPERATIONAL' ? 'ok' : 'degraded';
}

function uptimeSeconds(): number {
  return Math.round(process.uptime());
}
