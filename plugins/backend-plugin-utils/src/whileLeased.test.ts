import { whileLeased } from './whileLeased';

describe('whileLeased', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('renews the lease while the work runs, and stops when it settles', async () => {
    const renew = jest.fn(async () => true);
    let finish!: (value: string) => void;
    const running = whileLeased(
      () => new Promise<string>(done => (finish = done)),
      { renew, everyMs: 1000 },
    );
    await jest.advanceTimersByTimeAsync(3500);
    expect(renew).toHaveBeenCalledTimes(3);
    finish('done');
    await expect(running).resolves.toBe('done');
    await jest.advanceTimersByTimeAsync(5000);
    expect(renew).toHaveBeenCalledTimes(3);
  });

  it('says when the lease was lost or could not be renewed, and lets the work finish', async () => {
    const outcomes = [false, Promise.reject(new Error('connection refused'))];
    const renew = jest.fn(() => Promise.resolve(outcomes.shift() ?? true));
    const onTrouble = jest.fn();
    const running = whileLeased(
      () => new Promise(done => setTimeout(() => done('finished'), 2500)),
      { renew, everyMs: 1000, onTrouble },
    );
    await jest.advanceTimersByTimeAsync(3000);
    await expect(running).resolves.toBe('finished');
    expect(onTrouble.mock.calls).toEqual([
      ['the lease was taken over'],
      ['the lease could not be renewed: Error: connection refused'],
    ]);
  });

  it('passes the work’s failure on', async () => {
    await expect(
      whileLeased(() => Promise.reject(new Error('deploy failed')), {
        renew: async () => true,
        everyMs: 1000,
      }),
    ).rejects.toThrow('deploy failed');
  });
});
