import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class OpIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '$property must be a UUID' })
  op_id: string;
}
