import { Body, Param } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { type Connection, createConnection, createPool } from 'mysql2';
import express from 'express';
import { DataSource } from 'typeorm';
import {
  type MysqlConnection,
  type MysqlPool,
  mysqlPoolOf,
  onEveryCommand,
  poolConnections,
  poolCounts,
  prepareWithSafeIntegers,
  responseInProgress,
  routerRequestFields,
  setServerOptions,
  sqliteConnectionOf,
  type SqliteConnection,
  takesBody,
} from './library-internals';

/** The installed version of a package, named when a check fails. */
function version(name: string): string {
  for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (manifest.name === name) return `${name} ${manifest.version}`;
  }
  return name;
}
const MYSQL2 = version('mysql2');
const TYPEORM = version('typeorm');
const SQLITE = version('better-sqlite3');
const NEST = version('@nestjs/common');
const EXPRESS = version('express');

// Nothing listens on port 1: the pool and the connection below never reach a server.
const NOWHERE = { host: '127.0.0.1', port: 1 };

describe('the library internals the service relies on', () => {
  describe(`${MYSQL2}: private pool fields and the connection's command queue`, () => {
    it('counts a pool by its private lists', async () => {
      const pool = createPool(NOWHERE) as unknown as MysqlPool & { end(callback: () => void): void };
      try {
        expect(poolCounts(pool)).toEqual({ open: 0, idle: 0, queued: 0 });
        expect(poolConnections(pool)).toEqual([]);
      } finally {
        await new Promise<void>((resolve) => pool.end(() => resolve()));
      }
    });

    it("sees every command given to a connection, and reaches the connection's socket", async () => {
      const connection = createConnection(NOWHERE) as Connection & MysqlConnection;
      connection.on('error', () => undefined);
      const commands: string[] = [];
      onEveryCommand(connection, (command) => commands.push(command.constructor.name));
      const refused = new Promise((resolve) => connection.query('SELECT 1', resolve));
      expect(commands).toEqual(['Query']);
      expect(typeof connection.stream.destroy).toBe('function');
      await refused;
      connection.destroy();
    });
  });

  describe(`${SQLITE} through ${TYPEORM}`, () => {
    let dataSource: DataSource;

    beforeAll(async () => {
      dataSource = new DataSource({
        type: 'better-sqlite3',
        database: ':memory:',
        prepareDatabase: (connection: SqliteConnection) => prepareWithSafeIntegers(connection),
      });
      await dataSource.initialize();
    });

    afterAll(() => dataSource.destroy());

    it("finds better-sqlite3's connection in TypeORM's driver, and no MySQL pool", () => {
      expect(mysqlPoolOf(dataSource)).toBeUndefined();
      expect(typeof sqliteConnectionOf(dataSource).prepare).toBe('function');
    });

    it("reads integers as bigints from every statement, TypeORM's included, but PRAGMAs", async () => {
      const connection = sqliteConnectionOf(dataSource);
      expect(connection.prepare('SELECT 9007199254740993 AS n').all()).toEqual([{ n: 9007199254740993n }]);
      await expect(dataSource.query('SELECT 9007199254740993 AS n')).resolves.toEqual([{ n: 9007199254740993n }]);
      expect(connection.prepare('PRAGMA user_version').all()).toEqual([{ user_version: 0 }]);
    });
  });

  describe(`Node ${process.version}: the HTTP server`, () => {
    let server: Server;
    const seen: boolean[] = [];

    beforeAll(async () => {
      server = createServer((request, response) => {
        seen.push(responseInProgress(request.socket) === response);
        response.end('ok');
      });
      setServerOptions(server, { requireHostHeader: false, connectionsCheckingInterval: 1_000 });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });

    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('keeps the response in progress on its socket, and takes the options set after its creation', async () => {
      const { port } = server.address() as AddressInfo;
      // Without requireHostHeader: false, Node would answer this HTTP/1.1 request without a Host 400 by itself.
      const status = await new Promise<number | undefined>((resolve, reject) => {
        const request = httpRequest({ host: '127.0.0.1', port, path: '/', setHost: false }, (response) => {
          response.resume();
          resolve(response.statusCode);
        });
        request.on('error', reject).end();
      });
      expect(status).toBe(200);
      expect(seen).toEqual([true]);
      expect((server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval).toBe(1_000);
    });
  });

  describe(`${EXPRESS}: the field its router adds to a request under a private symbol`, () => {
    it('is the symbol under which the router records the route it matched', async () => {
      const [matchedRoute] = routerRequestFields();
      const app = express();
      let recorded: unknown;
      app.get('/calls/:id', (request, response) => {
        recorded = (request as unknown as Record<symbol, unknown>)[matchedRoute];
        response.end();
      });
      const server = createServer(app);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        await fetch(`http://127.0.0.1:${port}/calls/7`);
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      expect(recorded).toBe('/calls/:id');
    });
  });

  describe(`${NEST}: the parameters recorded of a route handler`, () => {
    it('tells a handler that takes the body, in the method decorator that runs after the parameter decorators', () => {
      const seen: Record<string, boolean> = {};
      const record: MethodDecorator = (target, key) => {
        seen[String(key)] = takesBody(target, key);
      };
      class Controller {
        @record
        create(@Param('id') id: string, @Body() body: unknown): unknown {
          return [id, body];
        }

        @record
        read(@Param('id') id: string): string {
          return id;
        }
      }
      expect(new Controller().read('1')).toBe('1');
      expect(seen).toEqual({ create: true, read: false });
    });
  });
});
