import { render, screen } from '@testing-library/react';
import { dayToTime } from '../../format/formatDate';
import { OkrChartTooltip } from './OkrChartTooltip';

describe('OkrChartTooltip', () => {
  it('shows the period, the figure with its unit and the trajectory', () => {
    render(
      <OkrChartTooltip
        active
        period="month"
        unit="minutes"
        row={{
          time: dayToTime('2026-03-01'),
          value: 12.5,
          count: 40,
          trajectory: 18,
        }}
      />,
    );

    expect(screen.getByText('March 2026')).toBeInTheDocument();
    expect(
      screen.getByText('measured: 12.5 minutes (40 measurements)'),
    ).toBeInTheDocument();
    expect(screen.getByText('trajectory: 18 minutes')).toBeInTheDocument();
  });

  it('says when nothing was measured', () => {
    render(
      <OkrChartTooltip
        active
        period="week"
        unit="hours"
        row={{
          time: dayToTime('2026-03-09'),
          value: null,
          count: 0,
          trajectory: null,
        }}
      />,
    );

    expect(screen.getByText('measured: nothing')).toBeInTheDocument();
    expect(screen.queryByText(/trajectory/)).not.toBeInTheDocument();
  });
});
