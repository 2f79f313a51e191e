import { histogramBins, MAX_BINS } from './histogramBins';

describe('histogramBins', () => {
  it('has no bins without values', () => {
    expect(histogramBins([])).toEqual([]);
  });

  it('uses the narrowest readable width that keeps to the bar limit', () => {
    const bins = histogramBins([0.5, 1.5, 2.5, 9.9]);

    expect(bins.map(bin => bin.label)).toEqual([
      '0–1',
      '1–2',
      '2–3',
      '3–4',
      '4–5',
      '5–6',
      '6–7',
      '7–8',
      '8–9',
      '9–10',
    ]);
    expect(bins.map(bin => bin.withinTarget)).toEqual([
      1, 1, 1, 0, 0, 0, 0, 0, 0, 1,
    ]);
  });

  it('puts a value on an edge in the bin above it', () => {
    const bins = histogramBins([0, 6, 12]);

    expect(bins.map(bin => [bin.label, bin.withinTarget])).toEqual([
      ['0–2', 1],
      ['2–4', 0],
      ['4–6', 0],
      ['6–8', 1],
      ['8–10', 0],
      ['10–12', 0],
      ['12–14', 1],
    ]);
  });

  it('widens the bins for long times', () => {
    const bins = histogramBins([2, 30, 200]);

    expect(bins.length).toBeLessThanOrEqual(MAX_BINS);
    expect(bins[0]).toMatchObject({ from: 0, to: 24, withinTarget: 1 });
    expect(bins[bins.length - 1]).toMatchObject({ to: 216, withinTarget: 1 });
  });

  it('splits the releases of a bin at the target', () => {
    const bins = histogramBins([2.5, 3, 3.5, 24], 3);

    expect(bins[1]).toMatchObject({
      label: '3–6',
      withinTarget: 1,
      slowerThanTarget: 1,
    });
    expect(bins[bins.length - 1].slowerThanTarget).toBe(1);
  });
});
