import fc from 'fast-check';
import { CallDirection, CallingOutcome, CallStatus, LogDirection } from '../../src/calls/call-enums';
import { parseJsonLossless } from '../../src/common/http/lossless-json-body';
import { stringifyJson } from '../../src/common/http/lossless-json';
import { parseInt64Id, parseInt64Value } from '../../src/common/int64';
import { isPhoneNumber } from '../../src/common/validation/fields';
import { USERS } from '../support/demo';
import { freshId } from '../support/factories';
import {
  type Answer,
  anyBodyText,
  characters,
  HOSTILE_INPUT,
  type HostileApp,
  refusalOf,
  startHostileApp,
  toAnswer,
} from '../support/hostile';
import type { TestApp } from '../support/test-app';

/**
 * Hostile input, the bodies of every route: whatever a body holds, the answer is never a 500, an error is
 * exactly `{code, message}` (the token endpoint's with its OAuth error after them) with the status of its code, and a 2xx comes only for a body the fields' rules
 * accept. Properties run with fast-check; a counterexample it found is kept as a plain test.
 */

// A property sends 100 to 200 requests: seconds on SQLite, more on MySQL.
jest.setTimeout(60_000);

// ---------------------------------------------------------------------------------------------------------
// Values: the valid ones a field takes and the invalid ones it must refuse

const ABSENT = Symbol('absent');
/** Replaced, when the request is sent, by an id that no dialer record has. */
const FRESH = '<fresh dialer record id>';

interface Field {
  /** Values that are mostly valid: a clean body takes only these (or leaves an optional field out). */
  good: fc.Arbitrary<unknown>;
  /** Values that are mostly invalid. */
  bad: fc.Arbitrary<unknown>;
  required?: boolean;
  /** The documented rule for a value present and not null, in this body as the service reads it. */
  accepts(value: unknown, body: Record<string, unknown>): boolean;
}
type Fields = Record<string, Field>;

const isText = (max: number) => (value: unknown) => typeof value === 'string' && characters(value) <= max;
const isPhone = (value: unknown) => isText(32)(value) && isPhoneNumber((value as string).toWellFormed());
const isIn =
  (...values: unknown[]) =>
  (value: unknown) =>
    values.includes(value);
const isIntegerIn = (min: number, max: number) => (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
const isIdIn = (ids: readonly string[]) => (value: unknown) => {
  const id = parseInt64Value(value);
  return id !== null && ids.includes(id);
};
const isUtcTime = (value: unknown) => {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value) : null;
  if (match === null) return false;
  const [y, mo, d, h, mi, s] = match.slice(1).map(Number);
  const time = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return (
    y >= 1970 &&
    time.toISOString().slice(0, 19) === `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}`
  );
};

const nonString = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
  fc.bigInt({ min: 2n ** 53n, max: 2n ** 70n }),
);
/** Strings of every kind: printable ASCII, any code point (lone surrogates too), graphemes; near `max`. */
const anyText = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: Math.min(max, 40) }),
    fc.string({ unit: 'binary', maxLength: Math.min(max, 40) }),
    fc.string({ unit: 'grapheme', maxLength: Math.min(max, 10) }),
    fc.constantFrom(
      'a'.repeat(max),
      `${'a'.repeat(max - 1)}\u{1F600}`,
      `${'a'.repeat(max - 1)}\uFE0F`,
      `${'a'.repeat(max - 1)}\uD800`,
      '\u202eRTL\u200d\u0000',
      '',
      ' ',
    ),
  );
const tooLong = (max: number) =>
  fc.constantFrom(
    'a'.repeat(max + 1),
    `${'a'.repeat(max)}\uFE0F`,
    `${'a'.repeat(max)}\u{1F600}`,
    '\uFE0F'.repeat(max + 1),
  );
const textField = (max: number): Field => ({
  good: anyText(max),
  bad: fc.oneof(nonString, tooLong(max)),
  accepts: isText(max),
});

const phone = fc.oneof(
  fc.stringMatching(/^\+?[0-9]{3,15}$/),
  fc.stringMatching(/^\+?[0-9]{1,3}[ .-]?\(?[0-9]{3}\)?[ .-]?[0-9]{3}[ .-]?[0-9]{4}$/),
);
const phoneField: Field = {
  good: phone,
  bad: fc.oneof(
    nonString,
    fc.constantFrom(
      '',
      'abc',
      '12',
      '+1-800-FLOWERS',
      '１２３４５６７',
      '555\u0000123',
      '555\u202e1234',
      '1'.repeat(33),
    ),
  ),
  accepts: isPhone,
};
const GOOD_EMAILS = ['sarah.johnson@example.com', 'a.b+c@sub.example.org', 'x@example.co'];
const emailField: Field = {
  good: fc.constantFrom(...GOOD_EMAILS),
  bad: fc.oneof(
    nonString,
    fc.constantFrom('', 'not-an-email', '@example.com', 'a@', 'a b@example.com', `${'a'.repeat(250)}@example.com`),
  ),
  accepts: isIn(...GOOD_EMAILS),
};
const booleanField: Field = {
  good: fc.boolean(),
  bad: fc.oneof(fc.constantFrom('true', 'false', 1, 0, '', 'yes'), fc.array(fc.boolean(), { maxLength: 1 })),
  accepts: (value) => typeof value === 'boolean',
};
const enumField = (values: readonly string[]): Field => ({
  good: fc.constantFrom(...values),
  bad: fc
    .oneof(
      nonString,
      fc.constantFrom('', ...values.flatMap((v) => [v.toUpperCase(), v.toLowerCase(), ` ${v}`, `${v}\u0000`])),
    )
    .filter((value) => !values.includes(value as string)),
  accepts: isIn(...values),
});
const integerField = (min: number, max: number, bad: unknown[] = []): Field => ({
  good: fc.integer({ min, max }),
  bad: fc.oneof(
    fc.constantFrom(min - 1, max + 1, 1.5, String(min), '', true, ...bad),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  ),
  accepts: isIntegerIn(min, max),
});

/** An id in every form a body may write it: number, string, leading zeros, exact big number. */
const idForms = (...ids: string[]) =>
  fc.constantFrom(...ids).chain((id) => fc.constantFrom<unknown>(id, `00${id}`, BigInt(id), Number(id)));
/** Ids that are no positive int64, in every disguise. */
const badId = fc.oneof(
  fc.integer({ min: -1000, max: 0 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Number.isInteger(d)),
  fc.bigInt({ min: 2n ** 63n, max: 2n ** 80n }),
  fc.bigInt({ min: -(2n ** 70n), max: 0n }),
  fc.constantFrom<unknown>(
    '',
    ' 100001',
    '100001 ',
    '+100001',
    '1e3',
    '0x10',
    '１００００１',
    '١٠٠٠٠١',
    '\u202e100001',
    '100\u200d001',
    '100001\u0000',
    '-1',
    '0',
    '9223372036854775808',
    true,
    [],
    {},
    [100001],
    { id: 100001 },
  ),
  fc.string({ maxLength: 12 }).filter((s) => parseInt64Id(s) === null),
);
const idField = (valid: readonly string[], invalidRefs: readonly string[] = [], required = true): Field => ({
  good: idForms(...valid),
  bad: invalidRefs.length > 0 ? fc.oneof(badId, idForms(...invalidRefs)) : badId,
  required,
  accepts: isIdIn(valid),
});

const utcTime = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 19).replace('T', ' '));
const timeField = (accepts: Field['accepts'] = isUtcTime): Field => ({
  good: fc.oneof(utcTime, fc.constantFrom('2026-04-22 10:15:00', '2026-04-22 10:18:45')),
  bad: fc.oneof(
    nonString,
    fc.constantFrom(
      '2026-02-30 10:00:00',
      '2026-04-22T10:15:00Z',
      '2026-04-22 10:15',
      '1969-12-31 23:59:59',
      '2026-04-22 24:00:00',
      ' 2026-04-22 10:15:00',
      '２０２６-04-22 10:15:00',
      '',
    ),
  ),
  accepts,
});

/** Keys a body may carry besides its fields: dropped, never used (`teamId`, `id` and `__proto__` among them). */
const extraKey = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'id', 'teamId', 'createdAt', 'deletedAt'),
);

interface Sample {
  /** The JSON text sent. */
  json: string;
}

/**
 * Bodies of a route: half of them clean (every field valid or an optional one left out), the others with
 * any field valid, invalid, null or absent; plus keys that are no field, with any JSON value.
 */
function bodies(fields: Fields): fc.Arbitrary<Sample> {
  const slot = (field: Field, clean: boolean): fc.Arbitrary<unknown> =>
    clean
      ? field.required === true
        ? field.good
        : fc.oneof({ weight: 3, arbitrary: field.good }, { weight: 1, arbitrary: fc.constantFrom(ABSENT, null) })
      : fc.oneof(field.good, field.bad, fc.constantFrom(ABSENT, null));
  const record = (clean: boolean) =>
    fc.record(Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, slot(field, clean)])));
  const extras = fc.uniqueArray(fc.tuple(extraKey, fc.jsonValue({ maxDepth: 3 })), {
    maxLength: 3,
    selector: ([key]) => key,
  });
  return fc.tuple(fc.oneof(record(true), record(false)), extras).map(([slots, more]) => {
    const entries = [
      ...Object.entries(slots).filter(([, value]) => value !== ABSENT),
      ...more.filter(([key]) => !Object.hasOwn(fields, key)),
    ];
    return { json: stringifyJson(Object.fromEntries(entries)) };
  });
}

/** Whether the service must accept this body (as it reads it), by the fields' rules. */
function isValidBody(fields: Fields, body: unknown): body is Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const object = body as Record<string, unknown>;
  return Object.entries(fields).every(([name, field]) => {
    const value = Object.hasOwn(object, name) ? object[name] : undefined;
    return value === undefined || value === null ? field.required !== true : field.accepts(value, object);
  });
}

describe(HOSTILE_INPUT, () => {
  let t: TestApp;
  let agent: string;
  let admin: string;
  let dialer: string;
  let client: HostileApp['client'];
  let spareLead: string;
  let otherTeamLead: string;
  let postJson: HostileApp['postJson'];

  beforeAll(async () => {
    ({ t, agent, admin, dialer, client, spareLead, otherTeamLead, postJson } = await startHostileApp());
  });

  afterAll(async () => {
    await t.close();
  });

  describe('bodies of every route', () => {
    const team1Users = ['100234', '100235', '100236', '100237', '100238', '100239', '100240'];
    const activeTeam1Users = team1Users.filter((id) => id !== USERS.deactivated);

    /** Sends each sample; a 2xx exactly for the valid ones (checked by `ok`), else a clean refusal. */
    const checkRoute = async (
      fields: Fields,
      send: (json: string) => Promise<Answer>,
      ok: (answer: Answer, body: Record<string, unknown>) => unknown,
      numRuns: number,
      extraValid: (body: Record<string, unknown>) => boolean = () => true,
      refusal: { oauth?: boolean } = {},
    ) => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            { weight: 4, arbitrary: bodies(fields) },
            { weight: 1, arbitrary: anyBodyText.map((json) => ({ json })) },
          ),
          async ({ json: template }) => {
            const json = template.replace(`"${FRESH}"`, () => String(BigInt(freshId()) * 1_000_003n));
            const answer = await send(json);
            let seen: unknown;
            try {
              seen = parseJsonLossless(json.toWellFormed());
            } catch {
              seen = undefined;
            }
            if (isValidBody(fields, seen) && extraValid(seen)) {
              await ok(answer, seen);
            } else {
              refusalOf(answer, refusal);
            }
          },
        ),
        { numRuns },
      );
    };

    it('POST /v1.0/leads', async () => {
      const fields: Fields = {
        firstName: textField(100),
        lastName: textField(100),
        phoneNumber: phoneField,
        email: emailField,
        hidden: booleanField,
        assignedUserId: idField(activeTeam1Users, [USERS.deactivated, USERS.otherTeamAdmin, '999999999'], false),
      };
      const named = (body: Record<string, unknown>) =>
        ['firstName', 'lastName', 'phoneNumber', 'email'].some(
          (name) => typeof body[name] === 'string' && body[name] !== '',
        );
      await checkRoute(
        fields,
        async (json) => toAnswer(await postJson('/v1.0/leads', agent, json)),
        (answer, body) => {
          expect({ status: answer.status, text: answer.text.slice(0, 300) }).toEqual({
            status: 201,
            text: expect.any(String),
          });
          const lead = JSON.parse(answer.text) as Record<string, unknown>;
          expect(lead.teamId).toBe(1);
          expect(String(lead.assignedUserId)).toBe(parseInt64Value(body.assignedUserId) ?? USERS.agent);
          for (const name of ['firstName', 'lastName']) {
            const given = body[name];
            if (typeof given === 'string' && given !== '') expect(lead[name]).toBe(given.toWellFormed());
          }
        },
        150,
        named,
      );
    });

    it('POST /v1.0/leads/{leadId}/assignment (as an ADMIN)', async () => {
      const fields: Fields = {
        assignedUserId: idField(activeTeam1Users, [USERS.deactivated, USERS.otherTeamAdmin, '999999999']),
      };
      await checkRoute(
        fields,
        async (json) => toAnswer(await postJson(`/v1.0/leads/${spareLead}/assignment`, admin, json)),
        (answer, body) => {
          expect(answer.status).toBe(200);
          expect(answer.text).toContain(`"assignedUserId":${parseInt64Value(body.assignedUserId)},`);
        },
        100,
      );
    });

    it('POST /v1.0/logType', async () => {
      const channel = (types: string[], rule: Field['accepts']) => (value: unknown, body: Record<string, unknown>) =>
        !types.includes(body.logType as string) || rule(value, body);
      const fields: Fields = {
        leadId: idField(['100001', '100002'], [otherTeamLead, '999999999']),
        logType: { ...enumField(['logCall', 'logEmail', 'logText']), required: true },
        content: {
          good: fc.oneof(anyText(200), fc.string({ minLength: 4990, maxLength: 5010 })),
          bad: fc.oneof(nonString, fc.constant('')),
          required: true,
          accepts: (value) => typeof value === 'string' && value !== '',
        },
        leadPhoneNumber: { ...phoneField, accepts: channel(['logCall', 'logText'], isPhone) },
        callingOutcome: {
          ...enumField(Object.values(CallingOutcome)),
          accepts: channel(['logCall'], isIn(...Object.values(CallingOutcome))),
        },
        outboundOrInbound: enumField(Object.values(LogDirection)),
        isPin: booleanField,
        emailSubject: { ...textField(255), accepts: channel(['logEmail'], isText(255)) },
        toEmail: { ...emailField, accepts: channel(['logEmail'], emailField.accepts) },
        fromEmail: { ...emailField, accepts: channel(['logEmail'], emailField.accepts) },
      };
      await checkRoute(
        fields,
        async (json) => toAnswer(await postJson('/v1.0/logType', agent, json)),
        (answer, body) => {
          expect({ status: answer.status, text: answer.text.slice(0, 300) }).toEqual({
            status: 200,
            text: expect.any(String),
          });
          const log = (JSON.parse(answer.text) as { logType: Record<string, unknown> }).logType;
          expect(String(log.leadId)).toBe(parseInt64Value(body.leadId));
          expect(log.content).toBe([...(body.content as string).toWellFormed()].slice(0, 5000).join(''));
        },
        150,
      );
    });

    it('POST /v1.0/dialer/calls (a dialer:write client)', async () => {
      const optionalField = (field: Field): Field => ({ ...field, required: false });
      const required = (field: Field): Field => ({ ...field, required: true });
      const fields: Fields = {
        dialerCallRecordId: {
          good: fc.constant(FRESH),
          bad: badId,
          required: true,
          accepts: (v) => parseInt64Value(v) !== null,
        },
        communicationType: required(enumField(['MANUAL', 'AUTO'])),
        leadId: idField(['100001', '100002'], [otherTeamLead, '999999999']),
        userId: idField(activeTeam1Users, [USERS.deactivated, USERS.otherTeamAdmin, '999999999']),
        agentId: idField(activeTeam1Users, [USERS.deactivated, USERS.otherTeamAdmin, '999999999'], false),
        userPhoneNumber: phoneField,
        leadPhoneNumber: phoneField,
        direction: required(enumField(Object.values(CallDirection))),
        status: required(enumField(Object.values(CallStatus))),
        startTime: required(timeField()),
        endTime: timeField((value, body) => isUtcTime(value) && (value as string) >= String(body.startTime)),
        duration: required(integerField(0, 2_147_483_647, ['225', 2 ** 31, -0.5, 2n ** 64n])),
        callingOutcome: enumField(Object.values(CallingOutcome)),
        rateScore: integerField(0, 5),
        recordingSwitch: required(booleanField),
        showUserNumber: phoneField,
        note: textField(5000),
        isMachineAnswered: required(booleanField),
        price: {
          good: fc.oneof(
            fc.integer({ min: 0, max: 9_999_999_999 }).map((n) => n / 10_000),
            fc.constantFrom(0, 0.02, 999999.9999),
          ),
          bad: fc.oneof(
            fc.constantFrom(-0.01, 0.00001, 1_000_000, '0.02', 1e21),
            fc.double({ noNaN: true, noDefaultInfinity: true }),
          ),
          accepts: (v) => typeof v === 'number' && v >= 0 && v <= 999999.9999 && Number(v.toFixed(4)) === v,
        },
        elapsedTime: {
          good: fc.stringMatching(/^[0-9]{2,6}:[0-5][0-9]$/),
          bad: fc.oneof(nonString, fc.constantFrom('8', '00:60', '0:08', '1234567:00', '00:08 ', '', '００:08')),
          accepts: (v) => typeof v === 'string' && /^\d{2,6}:[0-5]\d$/.test(v),
        },
      };
      for (const name of ['callingOutcome', 'rateScore', 'userPhoneNumber', 'leadPhoneNumber', 'showUserNumber']) {
        fields[name] = optionalField(fields[name]);
      }
      await checkRoute(
        fields,
        async (json) => toAnswer(await postJson('/v1.0/dialer/calls', dialer, json)),
        (answer, body) => {
          expect({ status: answer.status, text: answer.text.slice(0, 300) }).toEqual({
            status: 201,
            text: expect.any(String),
          });
          expect(answer.text).toContain(`"dialerCallRecordId":${parseInt64Value(body.dialerCallRecordId)},`);
          expect(answer.headers.location).toMatch(/^\/v2\.0\/communication\/call\/[1-9][0-9]*$/);
        },
        150,
      );
    });

    it('POST /v1.0/webhook', async () => {
      const url = /^https:\/\/(93\.184\.216\.34|1\.1\.1\.1|8\.8\.8\.8|\[2606:4700:4700::1111\])\/[a-z0-9/_-]{0,40}$/;
      const fields: Fields = {
        listId: { ...integerField(6, 6, [1, 2, 12, 13, 0]), required: true },
        callbackUrl: {
          good: fc.stringMatching(url),
          bad: fc.oneof(
            nonString,
            fc.constantFrom(
              '',
              'not a url',
              'http://93.184.216.34/h',
              'https://127.0.0.1/h',
              'https://localhost/h',
              'https://10.0.0.1/h',
              'https://169.254.169.254/latest/meta-data',
              'https://[::1]/h',
              'https://[::ffff:127.0.0.1]/h',
              'https://user:pw@1.1.1.1/h',
              'ftp://1.1.1.1/h',
              'javascript:alert(1)',
              `https://1.1.1.1/${'a'.repeat(2040)}`,
              `https://1.1.1.1/${'a'.repeat(2032)}\uFE0F`,
            ),
          ),
          required: true,
          accepts: (v) => typeof v === 'string' && url.test(v),
        },
        limit: integerField(1, 5000),
      };
      await checkRoute(
        fields,
        async (json) => toAnswer(await postJson('/v1.0/webhook', agent, json)),
        (answer) => {
          expect({ status: answer.status, text: answer.text.slice(0, 300) }).toEqual({
            status: 200,
            text: expect.any(String),
          });
          // At most 25 subscriptions a user: each one goes again at once.
          const id = /"subscribeId":(\d+)/.exec(answer.text)?.[1];
          return t.http().delete(`/v1.0/webhook/${id}`).set('Authorization', `Bearer ${agent}`).expect(200);
        },
        100,
      );
    });

    describe('POST /oauth/token', () => {
      const credentials = (): Fields => ({
        grant_type: {
          good: fc.constant('client_credentials'),
          bad: fc.oneof(
            nonString,
            fc.constantFrom('', 'password', 'CLIENT_CREDENTIALS', 'client_credentials ', 'authorization_code'),
          ),
          required: true,
          accepts: isIn('client_credentials'),
        },
        client_id: {
          good: fc.constant(client.clientId),
          bad: fc.oneof(
            nonString,
            fc.string({ maxLength: 30 }),
            fc.constantFrom(`${client.clientId} `, 'x'.repeat(513)),
          ),
          required: true,
          accepts: isIn(client.clientId),
        },
        client_secret: {
          good: fc.constant(client.clientSecret),
          bad: fc.oneof(
            nonString,
            fc.string({ maxLength: 30 }),
            fc.constantFrom(client.clientSecret.toUpperCase(), `${client.clientSecret}\u0000`, 's'.repeat(513)),
          ),
          required: true,
          accepts: isIn(client.clientSecret),
        },
        scope: {
          good: fc.constantFrom('dialer:write', ' dialer:write ', 'dialer:write dialer:write', ''),
          bad: fc.oneof(
            nonString,
            fc.constantFrom('admin', 'dialer:write admin', 'dialer:read', 'dialer:write\t', 'x'.repeat(513)),
          ),
          accepts: (v) =>
            typeof v === 'string' &&
            v.length <= 512 &&
            v.split(' ').every((scope) => scope === '' || scope === 'dialer:write'),
        },
      });
      const issued = (answer: Answer) => {
        expect({ status: answer.status, text: answer.text.slice(0, 300) }).toEqual({
          status: 200,
          text: expect.any(String),
        });
        expect(JSON.parse(answer.text)).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
      };

      it('with a JSON body', async () => {
        await checkRoute(
          credentials(),
          async (json) =>
            toAnswer(await t.http().post('/oauth/token').set('Content-Type', 'application/json').send(json)),
          issued,
          100,
          () => true,
          { oauth: true },
        );
      });

      it('with a form body', async () => {
        const fields = credentials();
        const text = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 20 }));
        const value = (field: Field) =>
          fc.oneof(field.good, field.bad).map((v) => (typeof v === 'string' ? v.toWellFormed() : stringifyJson(v)));
        const extra = fc.array(
          fc.tuple(
            text.filter((k) => !Object.hasOwn(fields, k) && k !== ''),
            text,
          ),
          { maxLength: 4 },
        );
        const group = (name: string, field: Field, clean: boolean) =>
          (clean
            ? field.required === true
              ? value({ ...field, bad: field.good }).map((v) => [v])
              : fc.array(value({ ...field, bad: field.good }), { maxLength: 1 })
            : fc.array(value(field), { maxLength: 2 })
          ).map((values) => values.map((v): [string, string] => [name, v]));
        const pairs = fc
          .boolean()
          .chain((clean) =>
            fc.tuple(fc.tuple(...Object.entries(fields).map(([name, field]) => group(name, field, clean))), extra),
          )
          .chain(([groups, more]) => {
            const all = [...groups.flat(), ...more];
            return fc.shuffledSubarray(all, { minLength: all.length });
          });
        await fc.assert(
          fc.asyncProperty(pairs, async (list) => {
            const form = list
              .map(([k, v]) => `${encodeURIComponent(k.toWellFormed())}=${encodeURIComponent(v)}`)
              .join('&');
            const answer = toAnswer(await t.http().post('/oauth/token').type('form').send(form));
            const seen: Record<string, unknown> = {};
            for (const [k, v] of list) {
              const key = k.toWellFormed();
              if (key === '__proto__') continue;
              seen[key] = key in seen ? [seen[key], v].flat() : v;
            }
            if (isValidBody(fields, seen)) issued(answer);
            else refusalOf(answer, { oauth: true });
          }),
          { numRuns: 100 },
        );
      });

      it('refuses a form of more than 20 parameters with 413, and malformed Basic credentials with 401', async () => {
        const many = Array.from({ length: 25 }, (_, i) => `k${i}=v`).join('&');
        const answer = toAnswer(await t.http().post('/oauth/token').type('form').send(many));
        expect(refusalOf(answer, { oauth: true }).code).toBe('PAYLOAD_TOO_LARGE');
        for (const basic of [
          'Basic !!!',
          `Basic ${Buffer.from('no-colon').toString('base64')}`,
          `Basic ${Buffer.from(':secret').toString('base64')}`,
          `Basic ${Buffer.from('a%zz:b').toString('base64')}`,
          `basic ${Buffer.from(`${'x'.repeat(600)}:y`).toString('base64')}`,
        ]) {
          const res = toAnswer(
            await t
              .http()
              .post('/oauth/token')
              .set('Authorization', basic)
              .type('form')
              .send('grant_type=client_credentials'),
          );
          const { code } = refusalOf(res, { oauth: true });
          expect({ basic, code }).toEqual({
            basic,
            code: basic.length > 600 ? 'PARAMETER_TOO_LONG' : 'BAD_CREDENTIALS',
          });
        }
      });
    });

    // Found here: on MySQL, a text of 100 characters plus U+FE0F passed MaxLength(100) (which does not count
    // variation selectors) and the VARCHAR(100) column refused it: 500.
    it('counts every character of a text, variation selectors too: PARAMETER_TOO_LONG, not a 500 from the database', async () => {
      const over = await postJson('/v1.0/leads', agent, JSON.stringify({ firstName: `${'a'.repeat(100)}\uFE0F` }));
      expect(refusalOf(toAnswer(over))).toEqual({
        code: 'PARAMETER_TOO_LONG',
        message: 'firstName is longer than 100 characters.',
      });
      const at = await postJson('/v1.0/leads', agent, JSON.stringify({ firstName: `${'a'.repeat(99)}\uFE0F` }));
      expect(at.status).toBe(201);
      expect((JSON.parse(at.text) as { firstName: string }).firstName).toBe(`${'a'.repeat(99)}\uFE0F`);
      const emoji = await postJson('/v1.0/leads', agent, JSON.stringify({ lastName: '\u{1F600}'.repeat(100) }));
      expect(emoji.status).toBe(201);
    });

    // Found here: `"price": null` (and elapsedTime, endTime) reached price.toFixed(): 500.
    it.each(['price', 'elapsedTime', 'endTime', 'agentId', 'note', 'rateScore', 'callingOutcome', 'userPhoneNumber'])(
      'takes "%s": null of a dialer call as absent',
      async (name) => {
        const record = {
          dialerCallRecordId: freshId(),
          communicationType: 'MANUAL',
          leadId: 100001,
          userId: 100234,
          direction: 'Outbound',
          status: 'Completed',
          startTime: '2026-05-02 14:00:00',
          duration: 5,
          recordingSwitch: true,
          isMachineAnswered: false,
          [name]: null,
        };
        const res = await postJson('/v1.0/dialer/calls', dialer, JSON.stringify(record));
        expect(res.status).toBe(201);
        // Absent; an agent left out is the agent on the call.
        expect(res.text).not.toContain(name === 'agentId' ? '"agentId":null' : `"${name}"`);
      },
    );

    // Found here: `{"firstName": null}` counted as a name given and created a lead with none.
    it('takes null names of a lead as absent: MISSING_PARAMETER, no lead without a name', async () => {
      const res = await postJson(
        '/v1.0/leads',
        agent,
        JSON.stringify({ firstName: null, email: null, assignedUserId: null }),
      );
      expect(refusalOf(toAnswer(res))).toEqual({
        code: 'MISSING_PARAMETER',
        message: 'Give at least one of firstName, lastName, phoneNumber and email.',
      });
    });
  });
});
