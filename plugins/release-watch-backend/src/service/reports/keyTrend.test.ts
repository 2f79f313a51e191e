import { keyTrend } from './keyTrend';

describe('keyTrend', () => {
  it('calls a fall better where lower is better, a rise better where higher is', () => {
    expect(keyTrend(10, 20, true)).toEqual({
      latest: 10,
      previous: 20,
      direction: 'down',
      verdict: 'better',
    });
    expect(keyTrend(10, 20, false)).toMatchObject({
      direction: 'down',
      verdict: 'worse',
    });
    expect(keyTrend(3, 0, false)).toMatchObject({
      direction: 'up',
      verdict: 'better',
    });
  });

  it('is flat within 5% of the earlier figure, and absent without both', () => {
    expect(keyTrend(104.9, 100, true)).toMatchObject({
      direction: 'flat',
      verdict: 'same',
    });
    expect(keyTrend(105, 100, true)).toMatchObject({
      direction: 'up',
      verdict: 'worse',
    });
    expect(keyTrend(0, 0, true)).toMatchObject({ direction: 'flat' });
    expect(keyTrend(null, 3, true)).toBeNull();
    expect(keyTrend(3, null, true)).toBeNull();
  });
});
