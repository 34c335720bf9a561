/** Why the service is not ready, for the readiness check and for the API reference. */

export const NOT_READY_DRAINING = 'Not ready: the service is shutting down.';

export const NOT_READY_DATABASE = 'Not ready: the database does not answer.';
