/** Says why a suite is skipped, in the output of the run (a skipped suite is otherwise one word). */
export function skipNote(message: string): void {
  process.stderr.write(`\n  Skipped: ${message}\n\n`);
}
