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
import { ApiBearerAuth } from '@nestjs/swagger';
import type { Request } from 'express';
import { principalOf } from '../auth/current-principal.decorator';
import { ApiSharedAnswers, BAD_TOKEN } from '../auth/route-kinds.decorator';
import type { Principal } from '../auth/principal';
import { AppError } from '../common/errors/app-error';
import { ErrorCode } from '../common/errors/error-code';
import { ApiErrors, notManageable } from '../common/errors/error-response.dto';
import { ApiRoute, type RouteDoc } from '../common/http/route-doc.decorator';
import { RouteMetadata } from '../common/http/route-metadata';
import type { Int64 } from '../common/int64';
import { Int64IdPipe } from '../common/int64-id.pipe';
import { requireJsonObject } from '../common/validation/validation.pipe';
import { declareRequestField } from '../common/http/request-shape';
import type { LeadScoped } from './lead-access';
import { LeadsService } from './leads.service';

/**
 * Where a route's lead-scoped resource comes from: the request field that names it, parsed by the int64 id
 * pipe, and the method of the owning module's service that reads it with its lead's access facts for the
 * caller (null when there is none). Declared once per kind of resource with {@link leadScopedSource}.
 */
export interface LeadScopedSource<T extends LeadScoped = LeadScoped> {
  readonly in: 'path' | 'query' | 'body';
  readonly field: string;
  readonly service: Type<unknown>;
  find(service: unknown, id: Int64, caller: Principal): Promise<T | null>;
}

export function leadScopedSource<S, T extends LeadScoped>(source: {
  in: 'path' | 'query' | 'body';
  field: string;
  service: Type<S>;
  find: (service: S, id: Int64, caller: Principal) => Promise<T | null>;
}): LeadScopedSource<T> {
  return {
    in: source.in,
    field: source.field,
    service: source.service,
    find: (service, id, caller) => source.find(service as S, id, caller),
  };
}

const SOURCE = 'leads:lead-scoped-source';
const RESOURCE = Symbol('leads:lead-scoped-resource');
declareRequestField(RESOURCE);

interface Authorized {
  source: LeadScopedSource;
  resource: LeadScoped;
}

type GuardedRequest = Request & { [RESOURCE]?: Authorized };

export interface LeadScopedDoc extends RouteDoc {
  /** What the PERMISSION_DENIED answer covers, when more than the lead's permission. */
  notManageable?: string;
}

/**
 * A user's route on a resource of a lead the caller must be allowed to manage, the route kind beside those of
 * auth/route-kinds.decorator.ts: the guard applies the manage-permission policy of the lead the resource
 * belongs to, and a missing resource and a lead the caller may not manage get the same 400 PERMISSION_DENIED,
 * so that nothing tells them apart. The handler receives the resource with `@LeadScopedResource(source)`.
 */
export function LeadScopedRoute(source: LeadScopedSource, doc: LeadScopedDoc): MethodDecorator {
  return applyDecorators(
    SetMetadata(SOURCE, source),
    UseGuards(LeadManageGuard),
    ApiBearerAuth(),
    ApiRoute(doc),
    ApiErrors(notManageable(doc.notManageable), BAD_TOKEN),
    ApiSharedAnswers('caller'),
  );
}

@Injectable()
export class LeadManageGuard implements CanActivate {
  private readonly services = new Map<Type<unknown>, unknown>();
  private readonly sources = new RouteMetadata<LeadScopedSource | undefined>((handler) =>
    this.reflector.get<LeadScopedSource | undefined>(SOURCE, handler),
  );

  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
    private readonly leads: LeadsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const source = this.sources.of(context);
    if (source === undefined) {
      throw new Error(
        `${context.getClass().name}.${context.getHandler().name} uses LeadManageGuard without @LeadScopedRoute`,
      );
    }
    const caller = principalOf(request);
    const id = Int64IdPipe.parse(fieldOf(request, source), source.field);
    const resource = await source.find(this.serviceFor(source), id, caller);
    if (resource === null || !this.leads.canManage(caller, resource.leadAccess)) {
      throw new AppError(ErrorCode.PermissionDenied);
    }
    request[RESOURCE] = { source, resource };
    return true;
  }

  private serviceFor(source: LeadScopedSource): unknown {
    let service = this.services.get(source.service);
    if (service === undefined) {
      service = this.moduleRef.get(source.service, { strict: false });
      if (service === undefined) throw new Error(`${source.service.name} is not a provider of the app`);
      this.services.set(source.service, service);
    }
    return service;
  }
}

function fieldOf(request: Request, source: LeadScopedSource): unknown {
  switch (source.in) {
    case 'path':
      return request.params[source.field];
    case 'query':
      return request.query[source.field];
    case 'body':
      return requireJsonObject(request.body)[source.field];
  }
}

/**
 * The resource that {@link LeadManageGuard} loaded and authorized for this request from `source`: the
 * handler names the source it expects, and a route guarded with another one fails loudly.
 */
export const LeadScopedResource = createParamDecorator(
  (source: LeadScopedSource, context: ExecutionContext): LeadScoped => {
    const authorized = context.switchToHttp().getRequest<GuardedRequest>()[RESOURCE];
    if (authorized?.source !== source) {
      throw new Error('@LeadScopedResource(source) on a route without @LeadScopedRoute(source)');
    }
    return authorized.resource;
  },
);
