import { loadAppConfig } from '../config/app-config';
import { describeConfigurationError, describeStartupFailure } from './startup-failure';

const mysql = loadAppConfig({ DATABASE_URL: 'mysql://calls:pw@db.internal:3307/calls', PORT: '3100' });
const sqlite = loadAppConfig({ DATABASE_URL: 'sqlite:/nowhere/x.sqlite' });
const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('describeStartupFailure', () => {
  it.each([
    [
      'EADDRINUSE',
      'listen EADDRINUSE: address already in use 127.0.0.1:3100',
      /^Port 3100 on 127\.0\.0\.1 is in use .*set PORT/,
    ],
    ['EACCES', 'listen EACCES: permission denied', /^Not allowed to listen on 127\.0\.0\.1:3100/],
    ['EADDRNOTAVAIL', 'listen EADDRNOTAVAIL', /^HOST=127\.0\.0\.1 is not an address of this machine/],
    [
      'ER_BAD_DB_ERROR',
      "Unknown database 'calls'",
      /^The MySQL database "calls" does not exist on db\.internal:3307: create it \(CREATE DATABASE `calls`/,
    ],
    [
      'ER_ACCESS_DENIED_ERROR',
      'Access denied',
      /^MySQL at db\.internal:3307 refused the user "calls": check the user and password/,
    ],
    ['ER_DBACCESS_DENIED_ERROR', 'Access denied', /^The MySQL user "calls" may not use the database "calls": grant it/],
    ['ECONNREFUSED', 'connect ECONNREFUSED', /^MySQL at db\.internal:3307 does not answer \(ECONNREFUSED\): start it/],
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND', /^MySQL at db\.internal:3307 does not answer \(ENOTFOUND\)/],
  ])('says what to do about %s', (code, message, expected) => {
    const failure = describeStartupFailure(withCode(code, message), mysql);
    expect(failure.message).toMatch(expected);
    expect(failure.code).toBe(code);
    expect(failure.stack).toBeUndefined();
  });

  it("finds the driver's code inside TypeORM's error and inside an AggregateError", () => {
    const wrapped = Object.assign(new Error('Query failed'), { driverError: withCode('ER_BAD_DB_ERROR') });
    expect(describeStartupFailure(wrapped, mysql).code).toBe('ER_BAD_DB_ERROR');
    const aggregate = new AggregateError([withCode('ECONNREFUSED')], 'connect failed');
    expect(describeStartupFailure(aggregate, mysql).code).toBe('ECONNREFUSED');
  });

  it('names the SQLite file whose folder is missing', () => {
    const failure = describeStartupFailure(
      new TypeError('Cannot open database because the directory does not exist'),
      sqlite,
    );
    expect(failure).toEqual({
      code: 'SQLITE_CANTOPEN',
      message: expect.stringMatching(
        /^Cannot open the SQLite file \/nowhere\/x\.sqlite: its folder must exist/,
      ) as string,
    });
  });

  it('keeps the stack of an error it does not know', () => {
    const error = new Error('something else');
    expect(describeStartupFailure(error, sqlite)).toEqual({
      code: 'STARTUP_FAILED',
      message: 'The service could not start: something else',
      stack: error.stack,
    });
  });

  it('does not take a MySQL error code for SQLite', () => {
    expect(describeStartupFailure(withCode('ECONNREFUSED'), sqlite).code).toBe('ECONNREFUSED');
    expect(describeStartupFailure(withCode('ECONNREFUSED'), sqlite).message).toMatch(/^The service could not start/);
  });

  it('puts every invalid variable of a configuration error on one line', () => {
    expect(
      describeConfigurationError(
        'Invalid configuration:\n  PORT: PORT must not be greater than 65535\n  JWT_SECRET: JWT_SECRET must be at least 32 characters long',
      ),
    ).toEqual({
      code: 'INVALID_CONFIGURATION',
      message:
        'Invalid configuration: PORT: PORT must not be greater than 65535; JWT_SECRET: JWT_SECRET must be at least ' +
        '32 characters long (see .env.example)',
    });
    expect(describeConfigurationError('JWT_JWKS_URL must be an https:// URL when NODE_ENV=production.')).toEqual({
      code: 'INVALID_CONFIGURATION',
      message: 'JWT_JWKS_URL must be an https:// URL when NODE_ENV=production.',
    });
  });
});
