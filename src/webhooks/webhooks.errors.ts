/** The messages of the webhooks module's refusals, for the code that refuses and for the API reference. */

export const HTTPS_REQUIRED = 'callbackUrl must be an https URL';

export function listNotSupported(listId: number): string {
  return `listId ${listId} cannot be subscribed to yet: only 6 (Call) is offered.`;
}

export const REDELIVER_NEITHER = 'eventIds or since is required: the events to send again, by id or since a time.';
export const REDELIVER_BOTH = 'Give eventIds or since, not both.';
