import { CreateSchema1764100000000 } from './1764100000000-CreateSchema';

/** Every migration, in order. A landed migration is never edited: add a new one. */
export const MIGRATIONS = [CreateSchema1764100000000];
