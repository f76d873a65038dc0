import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { API_KEY_SCOPES, ApiKeyScope } from '@karmabot/contracts';

/** `POST /v1/admin/api-keys`, as the client sends it (snake_case). */
export class CreateApiKeyBody {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'ACME partner integration' })
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({
    enum: API_KEY_SCOPES,
    isArray: true,
    example: ['partner'],
    description: "Any one of a route's scopes lets the key call it",
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(API_KEY_SCOPES, { each: true })
  scopes!: ApiKeyScope[];

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 100_000,
    example: 600,
    description: 'Requests per minute; the server default (RATE_LIMIT_PER_MINUTE) when absent',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  rate_limit_per_minute?: number;
}
