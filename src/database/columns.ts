import { Column, ColumnOptions, PrimaryColumn, ValueTransformer } from 'typeorm';

/*
 * Column decorators that make the two engines read alike: mysql2 answers BIGINT and DECIMAL as strings and
 * SQLite is opened with safe integers (every INTEGER comes back as a bigint). These transformers bring
 * both to the types the entities declare, without ever passing an int64 through a JS number.
 */

const int64: ValueTransformer = {
  to: (value: unknown) => value,
  from: (value: string | bigint | null | undefined) =>
    value === null || value === undefined ? value : value.toString(),
};

const int32: ValueTransformer = {
  to: (value: unknown) => value,
  from: (value: unknown) => (value === null || value === undefined ? value : Number(value)),
};

const decimal: ValueTransformer = int64;

type Extra = Omit<ColumnOptions, 'type' | 'transformer'>;

/** A BIGINT column holding a 64-bit id, read and written as a decimal string. */
export function Int64Column(options: Extra): PropertyDecorator {
  return Column({ ...options, type: 'bigint', transformer: int64 });
}

export function Int64PrimaryColumn(name = 'id'): PropertyDecorator {
  return PrimaryColumn({ name, type: 'bigint', transformer: int64 });
}

export function IntColumn(options: Extra & { type?: 'int' | 'smallint' }): PropertyDecorator {
  return Column({ type: 'int', ...options, transformer: int32 });
}

/** A DECIMAL column, read as its decimal string; the mapper converts it deliberately. */
export function DecimalColumn(options: Extra & { precision: number; scale: number }): PropertyDecorator {
  return Column({ ...options, type: 'decimal', transformer: decimal });
}

export function DateTimeColumn(options: Extra): PropertyDecorator {
  return Column({ ...options, type: 'datetime' });
}

export function BooleanColumn(options: Extra): PropertyDecorator {
  return Column({ ...options, type: 'boolean' });
}

export function VarcharColumn(options: Extra & { length: number }): PropertyDecorator {
  return Column({ ...options, type: 'varchar' });
}
