import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/**
 * A communication's version: 1 when stored, one more on each change, so that Get Call can answer an ETag of the
 * record and an edit with `If-Match` can be made conditional on it in the UPDATE itself. Existing
 * communications start at 1.
 */
export class AddCommunicationVersion1764900000000 implements MigrationInterface {
  name = 'AddCommunicationVersion1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // 'integer': SQLite reads an 'int' column back as another type than TypeORM's int; MySQL takes both as INT.
    await queryRunner.addColumn('communications', new TableColumn({ name: 'version', type: 'integer', default: 1 }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('communications', 'version');
  }
}
