import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

class FieldErrorSchema {
  @ApiProperty({
    example: 'scopes[0]',
    description: 'Dotted path of the field as the client sent it (snake_case)',
  })
  field!: string;

  @ApiProperty({ example: 'each value in scopes must be one of the following values: telegram, website' })
  message!: string;
}

/** The OpenAPI shape of every error body (RFC 9457); the runtime type is in libs/common. */
@ApiSchema({
  name: 'ProblemDetails',
  description: 'RFC 9457 problem details, sent as application/problem+json',
})
export class ProblemDetailsSchema {
  @ApiProperty({ example: 'https://karmabot.dev/problems/validation-failed' })
  type!: string;

  @ApiProperty({ example: 'Bad Request' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: 'The request has invalid fields' })
  detail!: string;

  @ApiProperty({
    example: 'VALIDATION_FAILED',
    description: 'Stable error code; switch on this, not on the text',
  })
  code!: string;

  @ApiPropertyOptional({
    example: '0f8e1c1e-5b0a-4c43-8a51-5cf1a3b9d0e2',
    description: 'Also sent as X-Request-Id',
  })
  correlation_id?: string;

  @ApiPropertyOptional({ example: '/v1/admin/api-keys' })
  instance?: string;

  @ApiPropertyOptional({ type: [FieldErrorSchema], description: 'One entry per invalid field' })
  errors?: FieldErrorSchema[];
}
