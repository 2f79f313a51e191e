import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { okrReport } from '../../__testUtils__/fixtures';
import { OkrTable } from './OkrTable';

jest.setTimeout(30_000);

it('shows the band of the current value for objectives on a DORA key', async () => {
  const okr = okrReport().okr;
  renderInTestApp(
    <OkrTable
      period="week"
      reports={[
        okrReport({
          okr: { ...okr, id: 'lead', title: 'Lead time', metric: 'lead_time' },
          current: 30,
        }),
        okrReport({
          okr: {
            ...okr,
            id: 'cfr',
            title: 'Failures',
            metric: 'change_failure_rate',
            unit: '%',
          },
          current: 4,
        }),
        okrReport({
          okr: {
            ...okr,
            id: 'rework',
            title: 'Rework',
            metric: 'deployment_rework_rate',
            unit: '%',
          },
          current: 4,
        }),
        okrReport({ okr: { ...okr, title: 'To production' }, current: 2 }),
      ]}
    />,
  );
  const row = async (title: string) =>
    within((await screen.findByText(title)).closest('tr')!);

  expect(
    screen.getByRole('columnheader', { name: 'Band' }),
  ).toBeInTheDocument();
  expect((await row('Lead time')).getByText('High')).toBeInTheDocument();
  expect((await row('Failures')).getByText('Elite')).toBeInTheDocument();
  expect(
    (await row('Rework')).getByTitle(
      'The 2023 DORA report defines no performance band for deployment rework rate',
    ),
  ).toHaveTextContent('no band');
  // Time to production is not a DORA key: no band and no chip.
  const production = await row('To production');
  for (const label of ['Elite', 'High', 'Medium', 'Low', 'no band']) {
    expect(production.queryByText(label)).not.toBeInTheDocument();
  }
});
