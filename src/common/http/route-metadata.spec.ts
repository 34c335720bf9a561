import type { ExecutionContext } from '@nestjs/common';
import { RouteMetadata } from './route-metadata';

class Controller {
  first(): void {}
  second(): void {}
}

function contextOf(handler: () => void): ExecutionContext {
  return { getHandler: () => handler, getClass: () => Controller } as unknown as ExecutionContext;
}

describe('RouteMetadata', () => {
  it('gives each route the value read from its own handler and controller, and keeps it', () => {
    const reads: string[] = [];
    const metadata = new RouteMetadata((handler, controller) => {
      reads.push(handler.name);
      return `${controller.name}.${handler.name}`;
    });
    const first = contextOf(Controller.prototype.first);
    const second = contextOf(Controller.prototype.second);
    expect(metadata.of(first)).toBe('Controller.first');
    expect(metadata.of(second)).toBe('Controller.second');
    expect(metadata.of(first)).toBe('Controller.first');
    expect(reads).toEqual(['first', 'second']);
  });

  it('keeps a route that has no value as having none', () => {
    let reads = 0;
    const metadata = new RouteMetadata<string | undefined>(() => {
      reads++;
      return undefined;
    });
    const context = contextOf(Controller.prototype.first);
    expect(metadata.of(context)).toBeUndefined();
    expect(metadata.of(context)).toBeUndefined();
    expect(reads).toBe(1);
  });
});
