import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RpcClient } from '@karmabot/common';
import { API_KEY_SCOPES, Caller, GetOpCommand, OpStatusView, Patterns } from '@karmabot/contracts';
import { Auth } from '../auth/auth.decorator';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { ApiProblems } from '../docs/api-problems.decorator';
import { OpIdParams } from './dto/op-id.params';
import { OpStatusResponse } from './dto/op-status.response';

@ApiTags('ops')
@Auth(...API_KEY_SCOPES)
@Controller('v1/ops')
export class OpsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':op_id')
  @ApiOperation({
    summary: 'The state of a write, by its op id (X-Op-Id)',
    description:
      'For a client whose write timed out: applied (with its result), rejected (with its error) or queued. ' +
      'Answers only the key that made the write, or the admin; anyone else gets 404.',
  })
  @ApiOkResponse({ type: OpStatusResponse })
  @ApiProblems(400, 401, 403, 404, 429, 503)
  get(@Param() params: OpIdParams, @CurrentCaller() caller: Caller): Promise<OpStatusView> {
    const command: GetOpCommand = { opId: params.op_id };
    return this.rpc.send<OpStatusView>(Patterns.opStatus.get, command, { caller });
  }
}
