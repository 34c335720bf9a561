import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import type { Scope } from './scopes';
import { REQUIRED_SCOPES, ScopesGuard } from './scopes.guard';

/** Only tokens of API clients that hold every one of these scopes may call the route; others get 403. */
export function RequireScopes(...scopes: Scope[]): MethodDecorator {
  return applyDecorators(SetMetadata(REQUIRED_SCOPES, scopes), UseGuards(ScopesGuard));
}
