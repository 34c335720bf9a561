import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import { IS_PUBLIC } from '../../src/auth/public.decorator';
import { createTestApp, TestApp } from '../support/test-app';

interface Route {
  method: string;
  path: string;
  isPublic: boolean;
  declaresBearer: boolean;
}

/** The routes that need no token. Adding one to the service means adding it here, on purpose. */
const PUBLIC_ROUTES = ['GET /health/live', 'GET /health/ready', 'GET /metrics', 'POST /oauth/token'];

function routesOf(t: TestApp): Route[] {
  const routes: Route[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as new () => object;
      const prefix = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const path = `/${prefix}/${String(Reflect.getMetadata(PATH_METADATA, handler))}`
          .replace(/\/+/g, '/')
          .replace(/\/$/, '');
        routes.push({
          method,
          path,
          isPublic:
            Reflect.getMetadata(IS_PUBLIC, handler) === true || Reflect.getMetadata(IS_PUBLIC, controller) === true,
          declaresBearer:
            Reflect.getMetadata(DECORATORS.API_SECURITY, handler) !== undefined ||
            Reflect.getMetadata(DECORATORS.API_SECURITY, controller) !== undefined,
        });
      }
    }
  }
  return routes;
}

describe('deny by default: every route is public or guarded', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('finds the routes of the service', () => {
    expect(routesOf(t).length).toBeGreaterThanOrEqual(3);
  });

  it('declares every route either @Public() or bearer-protected in the API docs, never both, never neither', () => {
    for (const route of routesOf(t)) {
      expect({ route: `${route.method} ${route.path}`, declaresOne: route.isPublic !== route.declaresBearer }).toEqual({
        route: `${route.method} ${route.path}`,
        declaresOne: true,
      });
    }
  });

  it('has no public route but the known ones', () => {
    const publicRoutes = routesOf(t)
      .filter((r) => r.isPublic)
      .map((r) => `${r.method} ${r.path}`);
    expect(publicRoutes.sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('answers 401 to every protected route called without a token', async () => {
    for (const route of routesOf(t).filter((r) => !r.isPublic)) {
      const path = route.path.replace(/:[^/]+/g, '1');
      const res = await t.http()[route.method.toLowerCase() as 'get'](path);
      expect({
        route: `${route.method} ${route.path}`,
        status: res.status,
        code: (res.body as { code?: string }).code,
      }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 401,
        code: 'BAD_CREDENTIALS',
      });
    }
  });
});
