import { formatPlan } from './formatPlan';

describe('formatPlan', () => {
  it('names the trial with its end date', () => {
    expect(formatPlan({ kind: 'trial', endsOn: '2027-01-31' })).toBe(
      'Trial until 2027-01-31',
    );
  });

  it('names the paid plan', () => {
    expect(formatPlan({ kind: 'paid' })).toBe('Paid');
  });
});
