import { Role } from '../../src/auth/role';
import { SqlReader } from '../../src/database/sql-reader';
import { canManageLead, type LeadAccess, type LeadCaller } from '../../src/leads/lead-access';
import { LeadsService } from '../../src/leads/leads.service';
import { Factory } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The manage-permission policy is written twice: canManageLead decides on one lead's facts, and the leads module's
 * SQL condition keeps the rows of the leads a caller may manage (the search by agent). Both must decide alike for
 * every kind of caller and every kind of lead.
 */
describe('the SQL condition of the manage-permission policy', () => {
  let t: TestApp;
  let factory: Factory;

  beforeAll(async () => {
    t = await createTestApp();
    factory = new Factory(t.dataSource);
  });

  afterAll(async () => {
    await t.close();
  });

  it('keeps exactly the leads canManageLead allows, for every kind of caller and lead', async () => {
    const teamId = await factory.team();
    const otherTeamId = await factory.team();
    const someoneElse = await factory.user(teamId);
    const kinds: { name: string; role: Role; accessAllTeamLeads: boolean; active: boolean }[] = [
      { name: 'owner', role: Role.Owner, accessAllTeamLeads: false, active: true },
      { name: 'admin', role: Role.Admin, accessAllTeamLeads: false, active: true },
      { name: 'agent', role: Role.Agent, accessAllTeamLeads: false, active: true },
      { name: 'agent with ACCESS_ALL_TEAM_LEADS', role: Role.Agent, accessAllTeamLeads: true, active: true },
      { name: 'deactivated admin', role: Role.Admin, accessAllTeamLeads: false, active: false },
    ];
    const decisions: { caller: string; lead: string; policy: boolean; sql: boolean }[] = [];
    const filter = t.app.get(LeadsService).manageFilter;
    for (const kind of kinds) {
      const userId = await factory.user(teamId, {
        role: kind.role,
        accessAllTeamLeads: kind.accessAllTeamLeads,
        active: kind.active,
      });
      const caller: LeadCaller = {
        userId,
        teamId,
        role: kind.role,
        accessAllTeamLeads: kind.accessAllTeamLeads,
        active: kind.active,
      };
      const facts = new Map<string, LeadAccess & { describe: string }>();
      for (const team of [teamId, otherTeamId])
        for (const assigned of [userId, someoneElse, null])
          for (const assignee of [false, true])
            for (const hidden of [false, true])
              for (const deleted of [false, true]) {
                const leadId = await factory.lead(team, assigned, {
                  hidden,
                  deletedAt: deleted ? new Date(Date.UTC(2026, 4, 1)) : null,
                });
                if (assignee) await factory.assignee(leadId, userId);
                facts.set(leadId, {
                  teamId: team,
                  assignedUserId: assigned,
                  hidden,
                  deleted,
                  callerIsOtherAssignee: assignee,
                  describe:
                    `${team === teamId ? 'own team' : 'other team'}, assigned to ` +
                    `${assigned === userId ? 'the caller' : assigned === null ? 'nobody' : 'another'}` +
                    `${assignee ? ', caller an assignee' : ''}${hidden ? ', hidden' : ''}${deleted ? ', deleted' : ''}`,
                });
              }
      const where = filter.where(caller);
      const ids = [...facts.keys()];
      const kept = new Set(
        where === null
          ? []
          : (
              await t.app
                .get(SqlReader)
                .query<{ id: string }>(
                  `SELECT l.id FROM leads l WHERE l.id IN (${ids.map(() => '?').join(', ')}) AND ${where.sql}`,
                  [...ids, ...where.params],
                )
            ).map((row) => String(row.id)),
      );
      for (const [leadId, lead] of facts) {
        decisions.push({
          caller: kind.name,
          lead: lead.describe,
          policy: canManageLead(caller, lead),
          sql: kept.has(leadId),
        });
      }
    }
    expect(decisions.filter((d) => d.policy !== d.sql)).toEqual([]);
    // Both sides decided something: some leads kept, some refused, for the kinds that may manage any.
    expect(decisions.filter((d) => d.policy).length).toBeGreaterThan(20);
    expect(decisions.filter((d) => !d.policy).length).toBeGreaterThan(20);
  });
});
