import { loadConfigOrExit, logLevelsFrom } from './load';

describe('loadConfigOrExit', () => {
  const saved = { ...process.env };
  let exit: jest.SpyInstance;
  let stderr: jest.SpyInstance;

  beforeEach(() => {
    exit = jest.spyOn(process, 'exit').mockImplementation(() => {
      throw new Error('exit');
    });
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });

  afterEach(() => {
    process.env = { ...saved };
    exit.mockRestore();
    stderr.mockRestore();
  });

  it('refuses to start in production on the development secret: a clear message and exit code 1', () => {
    process.env.NODE_ENV = 'production';
    delete process.env.JWT_SECRET;
    expect(() => loadConfigOrExit()).toThrow('exit');
    expect(exit).toHaveBeenCalledWith(1);
    expect(String(stderr.mock.calls[0][0])).toMatch(/^Refusing to start: NODE_ENV=production but no signing key/);
  });

  it('lists every invalid variable', () => {
    process.env.PORT = 'eighty';
    process.env.LOG_LEVEL = 'loud';
    expect(() => loadConfigOrExit()).toThrow('exit');
    const message = String(stderr.mock.calls[0][0]);
    expect(message).toMatch(/^Invalid configuration:/);
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/LOG_LEVEL/);
  });
});

describe('logLevelsFrom', () => {
  it.each([
    ['error', ['error']],
    ['log', ['error', 'warn', 'log']],
    ['verbose', ['error', 'warn', 'log', 'debug', 'verbose']],
  ] as const)('%s logs %j', (level, levels) => {
    expect(logLevelsFrom(level)).toEqual(levels);
  });
});
