import { createServer, IncomingMessage, type RequestListener, type Server, ServerResponse } from 'node:http';
import { routerRequestFields } from '../library-internals';

/**
 * One shape for every request and every response. Express 5 sets a new prototype on each request and response
 * (`Object.setPrototypeOf`) before anything else reads them, and V8 gives an object whose prototype was set that way
 * a new hidden class for every property added to it afterwards: each field Express's router, passport and the
 * service add (`req.params`, `req.user`, the request's deadline...) made a new class on every request, and every
 * function that then read a request or a response missed its inline cache and looked the property up the slow way.
 * The server here makes its requests and responses with every such field already there (undefined until set), so
 * that setting one changes no shape. Measured (docs/benchmarks.md): about half of Get Call's CPU time.
 *
 * Whoever adds a field to requests or responses declares it once, beside its key, when its module loads
 * ({@link declareRequestField}, {@link declareResponseField}); `request-shape.e2e-spec.ts` fails on a field added
 * without a declaration, by the service or by a new version of Express.
 */

/** The fields Express 5, its router and finalhandler add to a request (`router/lib/symbols` adds one more). */
const EXPRESS_REQUEST_FIELDS = [
  'res',
  'next',
  'baseUrl',
  'originalUrl',
  '_parsedUrl',
  '_parsedOriginalUrl',
  'params',
  'route',
] as const;

/** The fields Express 5 adds to a response; `statusCode` and `statusMessage` are the prototype's until written. */
const EXPRESS_RESPONSE_FIELDS = ['locals'] as const;

type Key = string | symbol;
type Initializer = (target: object) => void;

class Fields {
  private readonly keys: Key[];
  private initializer: Initializer | undefined;

  constructor(keys: readonly Key[]) {
    this.keys = [...keys];
  }

  declare(key: Key): void {
    if (this.keys.includes(key)) return;
    this.keys.push(key);
    this.initializer = undefined;
  }

  /** Gives `target` every declared field, always in the same order. */
  initialize(target: object): void {
    (this.initializer ??= initializerOf(this.keys))(target);
  }
}

/**
 * A function that sets each key on its argument, one statement a key: each statement always sees the same class and
 * adds the same field (one keyed store in a loop would see every class and every key).
 */
function initializerOf(keys: readonly Key[]): Initializer {
  const body = keys.map((_, i) => `target[keys[${i}]] = undefined;`).join('\n');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- one function of fixed statements per set of fields
  const make = new Function('keys', `return function declareFields(target) {\n${body}\n};`) as (
    keys: readonly Key[],
  ) => Initializer;
  return make([...keys]);
}

const requestFields = new Fields([...EXPRESS_REQUEST_FIELDS, ...routerRequestFields()]);
const responseFields = new Fields(EXPRESS_RESPONSE_FIELDS);

/** Declares a field the service adds to requests (a symbol of the module that owns it, or a conventional name). */
export function declareRequestField(key: Key): void {
  requestFields.declare(key);
}

/** Declares a field the service adds to responses. */
export function declareResponseField(key: Key): void {
  responseFields.declare(key);
}

/** A request with every declared field. */
export class ShapedRequest extends IncomingMessage {
  constructor(socket: ConstructorParameters<typeof IncomingMessage>[0]) {
    super(socket);
    // EventEmitter counts listeners in an own field, which a readable stream adds with its first listener.
    if (!Object.hasOwn(this, '_eventsCount')) this._eventsCount = 0;
    requestFields.initialize(this);
  }

  declare _eventsCount: number;
}

/** A response with every declared field. */
export class ShapedResponse<Request extends IncomingMessage = IncomingMessage> extends ServerResponse<Request> {
  constructor(request: Request, options?: unknown) {
    // Node makes a response with its options (highWaterMark...) beside the request; @types/node names the request only.
    super(...([request, options] as unknown as [Request]));
    // The prototype's values, as own fields: writeHead and Express's status() set them.
    this.statusCode = 200;
    this.statusMessage = undefined as unknown as string;
    responseFields.initialize(this);
  }
}

/** An HTTP server whose requests and responses have one shape each (see above). */
export function createShapedServer(listener: RequestListener): Server {
  return createServer({ IncomingMessage: ShapedRequest, ServerResponse: ShapedResponse }, listener);
}
