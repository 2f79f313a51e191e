import { downloadCsv } from './downloadCsv';

describe('downloadCsv', () => {
  const createObjectURL = jest.fn(() => 'blob:release-watch/1');
  const revokeObjectURL = jest.fn();

  beforeEach(() => {
    jest.useFakeTimers();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
  });

  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('clicks a link to a CSV blob with the file name, then lets the blob go', () => {
    const clicked: HTMLAnchorElement[] = [];
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function click(this: HTMLAnchorElement) {
        clicked.push(this);
      });

    downloadCsv('okrs.csv', 'a,b\r\n');

    const blob = (createObjectURL.mock.calls[0] as unknown[])[0] as Blob;
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('okrs.csv');
    expect(clicked[0].href).toBe('blob:release-watch/1');
    expect(clicked[0].isConnected).toBe(false);

    jest.runAllTimers();
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:release-watch/1');
  });
});
