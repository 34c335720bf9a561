import { settlesWithin, withDeadline } from './deadline';

describe('deadlines', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const never = () => new Promise<never>(() => undefined);

  it('answers the outcome of a promise that settles in time, either way', async () => {
    await expect(withDeadline(Promise.resolve(7), 100, () => new Error('late'))).resolves.toBe(7);
    const refused = new Error('refused');
    await expect(withDeadline(Promise.reject(refused), 100, () => new Error('late'))).rejects.toBe(refused);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('rejects with the given error once the time is up, and not before', async () => {
    const late = new Error('late');
    const waiting = withDeadline(never(), 100, () => late);
    let outcome: unknown = 'pending';
    waiting.catch((error: unknown) => (outcome = error));
    await jest.advanceTimersByTimeAsync(99);
    expect(outcome).toBe('pending');
    await jest.advanceTimersByTimeAsync(1);
    expect(outcome).toBe(late);
  });

  it('tells whether a promise settles in time', async () => {
    await expect(settlesWithin(Promise.resolve(), 100)).resolves.toBe(true);
    await expect(settlesWithin(Promise.reject(new Error('refused')), 100)).resolves.toBe(true);
    const waiting = settlesWithin(never(), 100);
    await jest.advanceTimersByTimeAsync(100);
    await expect(waiting).resolves.toBe(false);
  });
});
