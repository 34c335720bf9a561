/**
 * The messages that refuse a request parameter, each naming it. The validation pipe, the token form's reader
 * and the id pipe write them, and the API reference shows them, from these functions (`name` may be
 * class-validator's `$property`).
 */

export function requiredMessage(name: string): string {
  return `${name} is required.`;
}

export function notAStringMessage(name: string): string {
  return `${name} must be a string.`;
}

export function tooLongMessage(name: string, max: number): string {
  return `${name} is longer than ${max} characters.`;
}

export function oneOfMessage(name: string, values: readonly string[]): string {
  return `${name} must be one of ${values.join(', ')}.`;
}

export function utcTimeMessage(name: string): string {
  return `${name} must be a UTC time written as 'yyyy-MM-dd HH:mm:ss'.`;
}

export function limitMessage(max: number): string {
  return `limit must be an integer from 1 to ${max}.`;
}

export function positiveIdMessage(name: string): string {
  return `${name} must be a positive integer id (int64).`;
}

export function idListMessage(name: string, max: number): string {
  return `${name} must be a list of 1 to ${max} ids.`;
}
