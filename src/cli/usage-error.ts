/** A command line that cannot be carried out as given: its message says why; the script exits with 2. */
export class UsageError extends Error {}
