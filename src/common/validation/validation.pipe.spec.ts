import 'reflect-metadata';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import { Int64IdList, Optional, Required, Text } from './fields';
import { createValidationPipe, RefusesUndeclaredFields } from './validation.pipe';

class NoteDto {
  @Required()
  @Text(10)
  title!: string;

  @Optional()
  @Text()
  note?: string;
}

/** A body whose other keys cannot be listed or read: touching one throws. */
function bodyWithUntouchableKeys(fields: Record<string, unknown>, otherKeys: number): object {
  const others = new Set(Array.from({ length: otherKeys }, (_, i) => String(i)));
  return new Proxy(fields, {
    ownKeys: () => {
      throw new Error('the keys of the body were listed');
    },
    has: (target, key) => key in target || others.has(String(key)),
    getOwnPropertyDescriptor: (target, key) => {
      if (others.has(String(key))) throw new Error(`the unknown key ${String(key)} was read`);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    get: (target, key, receiver) => {
      if (typeof key === 'string' && others.has(key)) throw new Error(`the unknown key ${key} was read`);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

@RefusesUndeclaredFields((field) => `${field} cannot be set.`)
class StrictNoteDto {
  @Optional()
  @Text()
  note?: string;
}

class IdsDto {
  @Required()
  @Int64IdList(3)
  ids!: string[];
}

describe('AppValidationPipe', () => {
  const pipe = createValidationPipe();
  const asBody = (value: unknown) => pipe.transform(value, { type: 'body', metatype: NoteDto });

  it('validates the fields of the DTO and drops the others', async () => {
    const dto = await asBody({ title: 'Hello', note: 'x', teamId: 2, __proto__: { admin: true } });
    expect(dto).toBeInstanceOf(NoteDto);
    expect({ ...(dto as NoteDto) }).toEqual({ title: 'Hello', note: 'x' });
  });

  it('never lists nor reads the other keys of a body', async () => {
    const dto = await asBody(bodyWithUntouchableKeys({ title: 'Hello' }, 100_000));
    expect({ ...(dto as NoteDto) }).toEqual({ title: 'Hello' });
  });

  it('never lists nor reads the other keys of a query', async () => {
    const dto = await pipe.transform(bodyWithUntouchableKeys({ title: 'Hello' }, 1000), {
      type: 'query',
      metatype: NoteDto,
    });
    expect({ ...(dto as NoteDto) }).toEqual({ title: 'Hello' });
  });

  it('reports the first invalid field with its code', async () => {
    await expect(asBody({ title: 'x'.repeat(11) })).rejects.toEqual(
      new AppError(ErrorCode.ParameterTooLong, 'title is longer than 10 characters.'),
    );
    await expect(asBody({ note: 'x' })).rejects.toEqual(new AppError(ErrorCode.MissingParameter, 'title is required.'));
  });

  it.each([
    [undefined, ErrorCode.MissingParameter],
    [[{ title: 'x' }], ErrorCode.InvalidParameter],
    ['x', ErrorCode.InvalidParameter],
  ])('refuses the body %j as a whole', async (body, code) => {
    await expect(asBody(body)).rejects.toEqual(expect.objectContaining({ code }) as AppError);
  });

  describe('Int64IdList', () => {
    const asIds = (ids: unknown) => pipe.transform({ ids }, { type: 'body', metatype: IdsDto });

    it('reads numbers (exact above 2^53) and digit strings as canonical decimal strings', async () => {
      await expect(asIds([7, 9007199254740993n, '007'])).resolves.toEqual({ ids: ['7', '9007199254740993', '7'] });
    });

    it.each([[[]], [[1, 2, 3, 4]], ['1,2'], [{ 0: 1 }], [5]])(
      'refuses %j as a whole, naming the field',
      async (ids) => {
        await expect(asIds(ids)).rejects.toEqual(
          new AppError(ErrorCode.InvalidParameter, 'ids must be a list of 1 to 3 ids.'),
        );
      },
    );

    it.each([0, -1, 1.5, 'abc', null, [1], '9223372036854775808'])('names the place of the item %j', async (item) => {
      await expect(asIds([1, item, 'x'])).rejects.toEqual(
        new AppError(ErrorCode.InvalidParameter, 'ids[1] must be a positive integer id (int64).'),
      );
    });
  });

  describe('a DTO that refuses undeclared fields', () => {
    const asStrictBody = (value: unknown) => pipe.transform(value, { type: 'body', metatype: StrictNoteDto });

    it('refuses the first undeclared field of the body, named', async () => {
      await expect(asStrictBody({ note: 'x', teamId: 2, id: 3 })).rejects.toEqual(
        new AppError(ErrorCode.InvalidParameter, 'teamId cannot be set.'),
      );
    });

    it('takes a body of declared fields only, and an empty one', async () => {
      await expect(asStrictBody({ note: 'x' })).resolves.toEqual(Object.assign(new StrictNoteDto(), { note: 'x' }));
      await expect(asStrictBody({})).resolves.toBeInstanceOf(StrictNoteDto);
    });

    it('applies to bodies only: a query keeps dropping the other parameters', async () => {
      await expect(
        pipe.transform({ note: 'x', page: '2' }, { type: 'query', metatype: StrictNoteDto }),
      ).resolves.toEqual(Object.assign(new StrictNoteDto(), { note: 'x' }));
    });
  });
});
