export enum Role {
  Owner = 'OWNER',
  Admin = 'ADMIN',
  Agent = 'AGENT',
}

export const ROLES = Object.values(Role);
