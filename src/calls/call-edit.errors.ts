/** The refusals of the call edit (`PATCH /v2.0/communication/call/{communicationId}`), also the reference's examples. */

/** The fields a call edit takes. */
export const EDITABLE_CALL_FIELDS = ['callingOutcome', 'rateScore', 'note'] as const;

export function notEditableMessage(field: string): string {
  return `${field} cannot be edited: a call edit takes ${EDITABLE_CALL_FIELDS.join(', ')} only.`;
}

export const RATE_SCORE_MESSAGE = 'rateScore must be an integer from 0 to 5, or null.';

export const NO_RATE_SCORE_ON_LOGGED_CALL = 'rateScore applies to dialer calls only: a logged call has no rating.';

export const CALL_CHANGED =
  'The call changed since the ETag in If-Match: read it again (its ETag too) and apply the edit to that.';
