import { ApiClientEntity } from '../../src/auth/api-client.entity';
import { Role } from '../../src/auth/role';
import { TeamEntity } from '../../src/auth/team.entity';
import { UserEntity } from '../../src/auth/user.entity';
import { runAdminCommand } from '../../src/cli/admin-commands';
import { ADMIN_USAGE } from '../../src/cli/admin-usage';
import { UsageError } from '../../src/cli/usage-error';
import { CALLS, USERS } from '../support/demo';
import { createTestApp, type TestApp } from '../support/test-app';

describe('npm run cli (administration)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const run = (...argv: string[]) => runAdminCommand(t.app, argv);
  const user = (id: string) => t.dataSource.getRepository(UserEntity).findOneByOrFail({ id });
  const getCall = (userId: string) =>
    t
      .http()
      .get(`/v2.0/communication/call/${CALLS.dialer}`)
      .set('Authorization', `Bearer ${t.token(userId)}`);

  it('creates a team and a user in it, and says so', async () => {
    await expect(run('team:create', '--name', 'North Shore', '--id', '30')).resolves.toBe(
      'Created team 30 "North Shore".',
    );
    await expect(
      run(
        'user:create',
        '--team',
        '30',
        '--name',
        'Kim Lee',
        '--role',
        'ADMIN',
        '--email',
        'kim@example.com',
        '--id',
        '300001',
      ),
    ).resolves.toBe('Created user 300001 "Kim Lee", ADMIN in team 30.');
    expect(await user('300001')).toMatchObject({
      teamId: '30',
      role: Role.Admin,
      active: true,
      accessAllTeamLeads: false,
    });
  });

  it('gives new teams and users fresh ids when none is given', async () => {
    const team = await run('team:create', '--name', 'Fresh');
    const teamId = /team (\d+)/.exec(team)?.[1] ?? '';
    expect(await t.dataSource.getRepository(TeamEntity).existsBy({ id: teamId })).toBe(true);
    await expect(
      run('user:create', '--team', teamId, '--name', 'New', '--role', 'AGENT', '--access-all-team-leads'),
    ).resolves.toMatch(/^Created user \d+ "New", AGENT in team \d+ with ACCESS_ALL_TEAM_LEADS\.$/);
  });

  it('changes a role, and the next request follows it', async () => {
    expect((await getCall(USERS.unrelatedAgent)).status).toBe(400);
    await expect(run('user:set-role', '--user', USERS.unrelatedAgent, '--role', 'ADMIN')).resolves.toBe(
      'User 100235 is now ADMIN (was AGENT).',
    );
    expect((await getCall(USERS.unrelatedAgent)).status).toBe(200);
    await run('user:set-role', '--user', USERS.unrelatedAgent, '--role', 'AGENT');
    expect((await getCall(USERS.unrelatedAgent)).status).toBe(400);
  });

  it('grants and withdraws ACCESS_ALL_TEAM_LEADS', async () => {
    await expect(
      run('user:set-permission', '--user', USERS.unrelatedAgent, '--access-all-team-leads', 'on'),
    ).resolves.toBe('User 100235 now holds ACCESS_ALL_TEAM_LEADS.');
    expect((await getCall(USERS.unrelatedAgent)).status).toBe(200);
    await expect(
      run('user:set-permission', '--user', USERS.unrelatedAgent, '--access-all-team-leads', 'off'),
    ).resolves.toBe('User 100235 no longer holds ACCESS_ALL_TEAM_LEADS.');
    expect((await getCall(USERS.unrelatedAgent)).status).toBe(400);
  });

  it('deactivates and activates a user', async () => {
    await expect(run('user:deactivate', '--user', USERS.admin)).resolves.toMatch(/^Deactivated user 100236/);
    expect((await getCall(USERS.admin)).status).toBe(401);
    await expect(run('user:deactivate', '--user', USERS.admin)).resolves.toBe('User 100236 is deactivated already.');
    await expect(run('user:activate', '--user', USERS.admin)).resolves.toBe('Activated user 100236.');
    expect((await getCall(USERS.admin)).status).toBe(200);
  });

  it('creates a client with scopes, prints its secret once, lists it, and revokes it', async () => {
    const created = await run('client:create', '--user', USERS.agent, '--name', 'Dialer', '--scope', 'dialer:write');
    const clientId = /client_id: +(\S+)/.exec(created)?.[1] ?? '';
    const secret = /client_secret: +(\S+)/.exec(created)?.[1] ?? '';
    expect(created).toMatch(/^Created API client "Dialer" acting as user 100234 \(team 1\) with scopes dialer:write\./);
    const token = await t
      .http()
      .post('/oauth/token')
      .send({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
    expect(token.body.scope).toBe('dialer:write');

    const listed = await run('client:list', '--user', USERS.agent);
    expect(listed).toContain(`${clientId}  user 100234  "Dialer"  scopes: dialer:write  active`);
    expect(listed).not.toContain(secret);

    await expect(run('client:revoke', '--client', clientId.toUpperCase())).rejects.toThrow(
      `API client ${clientId.toUpperCase()} does not exist.`,
    );
    await expect(run('client:revoke', '--client', clientId)).resolves.toBe(
      `Revoked API client ${clientId} ("Dialer"): its secret and its tokens no longer work.`,
    );
    const row = await t.dataSource.getRepository(ApiClientEntity).findOneByOrFail({ id: clientId });
    expect(row.revokedAt).not.toBeNull();
    await expect(run('client:revoke', '--client', clientId)).resolves.toBe(
      `API client ${clientId} was revoked already.`,
    );
  });

  it.each([
    ['--email', 'kim@example.com', true],
    ['--email', 'kim@example.c', false],
    ['--email', 'kim..lee@example.com', false],
    ['--email', 'kim@-example.com', false],
    ['--email', 'kim@example', false],
    ['--phone', '+1 (415) 555-0100', true],
    ['--phone', '+1-2', false],
    ['--phone', '415 555 0100 ext 12', false],
  ])('judges %s %s as the API does (taken: %s)', async (flag, value, taken) => {
    const [field, what] = flag === '--email' ? ['email', 'an email address'] : ['phoneNumber', 'a phone number'];
    const api = await t
      .http()
      .post('/v1.0/leads')
      .set('Authorization', `Bearer ${t.token(USERS.agent)}`)
      .send({ [field]: value });
    expect(api.status).toBe(taken ? 201 : 400);
    const cli = run('user:create', '--team', '1', '--name', 'Rule Check', '--role', 'AGENT', flag, value);
    if (taken) {
      await expect(cli).resolves.toMatch(/^Created user/);
    } else {
      await expect(cli).rejects.toThrow(`${flag} must be ${what}.`);
    }
  });

  it.each([[['help']], [['--help']], [['-h']], [['user:create', '--help']]])(
    'answers %j with the usage',
    async (argv) => {
      await expect(run(...argv)).resolves.toBe(ADMIN_USAGE);
    },
  );

  it.each([
    [[], /^Usage: npm run cli/],
    [['nope'], /^Unknown command "nope"/],
    [['team:create'], /^--name is required\.$/],
    [['team:create', '--name', 'X', '--id', '1'], /^Team 1 exists already\.$/],
    [['user:create', '--team', '999', '--name', 'X', '--role', 'AGENT'], /^Team 999 does not exist\.$/],
    [['user:create', '--team', '1', '--name', 'X', '--role', 'boss'], /^--role must be one of OWNER, ADMIN, AGENT\.$/],
    [
      ['user:create', '--team', '1', '--name', 'X', '--role', 'AGENT', '--email', 'nope'],
      /^--email must be an email address\.$/,
    ],
    [
      ['user:create', '--team', '1', '--name', 'X', '--role', 'AGENT', '--id', USERS.agent],
      /^User 100234 exists already\.$/,
    ],
    [['user:set-role', '--user', 'abc', '--role', 'ADMIN'], /^--user must be a positive integer id\.$/],
    [['user:set-role', '--user', '999999', '--role', 'ADMIN'], /^User 999999 does not exist\.$/],
    [
      ['user:set-permission', '--user', USERS.agent, '--access-all-team-leads', 'yes'],
      /^--access-all-team-leads must be on or off\.$/,
    ],
    [
      ['client:create', '--user', USERS.agent, '--name', 'X', '--scope', 'root'],
      /^--scope root is not a scope of the service/,
    ],
    [['client:create', '--user', USERS.deactivated, '--name', 'X'], /^User 100239 is deactivated\.$/],
    [['client:revoke', '--client', 'cl_missing'], /^API client cl_missing does not exist\.$/],
    [['team:create', '--name', 'X', '--bogus'], /Unknown option '--bogus'/],
  ])('refuses %j, saying why', async (argv, message) => {
    const attempt = runAdminCommand(t.app, argv);
    await expect(attempt).rejects.toBeInstanceOf(UsageError);
    await expect(attempt).rejects.toThrow(message);
  });
});
