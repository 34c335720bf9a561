import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class TokenRequestDto {
  @ApiProperty({ enum: ['client_credentials'], example: 'client_credentials' })
  grant_type!: string;

  @ApiPropertyOptional({
    description: 'The API client id. May be sent in an HTTP Basic Authorization header instead.',
    example: 'cl_4f9a2c0e8b7d6a5f4e3d2c1b',
  })
  client_id?: string;

  @ApiPropertyOptional({
    description: 'The API client secret. May be sent in an HTTP Basic Authorization header instead.',
    example: 'pP0o9Ii8Uu7Yy6Tt5Rr4Ee3Ww2Qq1Aa0Ss9Dd8Ff7Gg6',
  })
  client_secret?: string;

  @ApiPropertyOptional({
    description: 'Space-separated scopes to request; defaults to every scope the client holds.',
    example: 'dialer:write',
  })
  scope?: string;
}

export class TokenResponseDto {
  @ApiProperty({ description: 'A JWT to send as `Authorization: Bearer <access_token>`.' })
  access_token!: string;

  @ApiProperty({ enum: ['Bearer'], example: 'Bearer' })
  token_type!: 'Bearer';

  @ApiProperty({ type: 'integer', description: 'Seconds until the token expires.', example: 3600 })
  expires_in!: number;

  @ApiPropertyOptional({ description: 'The scopes granted, when the client holds any.', example: 'dialer:write' })
  scope?: string;
}
