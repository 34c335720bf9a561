import type { ExecutionContext } from '@nestjs/common';

type Handler = ReturnType<ExecutionContext['getHandler']>;
type Controller = ReturnType<ExecutionContext['getClass']>;

/**
 * What a guard reads from a route's decorators, read once per handler and kept: a route's metadata never changes
 * once the app is built, and reading it through Reflect on every request is work on the hottest path.
 */
export class RouteMetadata<T> {
  private readonly read = new WeakMap<Handler, { value: T }>();

  constructor(private readonly readFrom: (handler: Handler, controller: Controller) => T) {}

  of(context: ExecutionContext): T {
    const handler = context.getHandler();
    let known = this.read.get(handler);
    if (known === undefined) {
      known = { value: this.readFrom(handler, context.getClass()) };
      this.read.set(handler, known);
    }
    return known.value;
  }
}
