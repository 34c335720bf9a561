import {
  applyDecorators,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  SetMetadata,
  Type,
  UseGuards,
} from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { principalOf } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import type { LeadScoped } from './lead-access';
import { LeadsService } from './leads.service';

/**
 * Loads the lead-scoped resource a request is about (from its path, query or body), or null when there
 * is none. It throws INVALID_PARAMETER itself for a malformed reference.
 */
export interface LeadScopedLoader<T extends LeadScoped = LeadScoped> {
  load(request: Request, caller: Principal): Promise<T | null>;
}

const LOADER = 'leads:lead-scoped-loader';
const RESOURCE = Symbol('leads:lead-scoped-resource');

/**
 * Guards a route with the manage-permission policy of the lead its resource belongs to. A missing
 * resource and a lead the caller may not manage get the same PERMISSION_DENIED, so that nothing tells
 * them apart. The handler receives the loaded resource through {@link LeadScopedResource}.
 */
export function ManagesLead(loader: Type<LeadScopedLoader>): MethodDecorator {
  return applyDecorators(SetMetadata(LOADER, loader), UseGuards(LeadManageGuard));
}

@Injectable()
export class LeadManageGuard implements CanActivate {
  private readonly loaders = new Map<Type<LeadScopedLoader>, LeadScopedLoader>();

  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
    private readonly leads: LeadsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { [RESOURCE]?: LeadScoped }>();
    const caller = principalOf(request);
    const resource = await this.loaderFor(context).load(request, caller);
    if (resource === null || !this.leads.canManage(caller, resource.leadAccess)) {
      throw new AppError(ErrorCode.PermissionDenied);
    }
    request[RESOURCE] = resource;
    return true;
  }

  private loaderFor(context: ExecutionContext): LeadScopedLoader {
    const type = this.reflector.get<Type<LeadScopedLoader> | undefined>(LOADER, context.getHandler());
    if (type === undefined) {
      throw new Error(
        `${context.getClass().name}.${context.getHandler().name} uses LeadManageGuard without @ManagesLead`,
      );
    }
    let loader = this.loaders.get(type);
    if (loader === undefined) {
      const found: LeadScopedLoader | undefined = this.moduleRef.get(type, { strict: false });
      if (found === undefined) throw new Error(`${type.name} is not a provider of the module using it`);
      this.loaders.set(type, found);
      loader = found;
    }
    return loader;
  }
}

/** The resource that {@link LeadManageGuard} loaded and authorized for this request. */
export const LeadScopedResource = createParamDecorator((_: unknown, context: ExecutionContext): LeadScoped => {
  const resource = context.switchToHttp().getRequest<Request & { [RESOURCE]?: LeadScoped }>()[RESOURCE];
  if (resource === undefined) {
    throw new Error('@LeadScopedResource() on a route without @ManagesLead');
  }
  return resource;
});
