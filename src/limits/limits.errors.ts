/** The refusal of a request past its bucket's limit, which Retry-After repeats in its header. */
export const tooManyRequests = (limit: number, retryAfterSeconds: number): string =>
  `Too many requests: at most ${limit} a minute. Retry after ${retryAfterSeconds} s.`;
