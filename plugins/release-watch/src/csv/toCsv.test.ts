import { toCsv } from './toCsv';

describe('toCsv', () => {
  it('writes a header and one CRLF-terminated line per row', () => {
    expect(
      toCsv(
        ['entity', 'hours', 'outlier'],
        [
          ['component:default/web', 2.5, false],
          ['component:default/api', 24, true],
        ],
      ),
    ).toBe(
      'entity,hours,outlier\r\n' +
        'component:default/web,2.5,false\r\n' +
        'component:default/api,24,true\r\n',
    );
  });

  it('quotes cells with commas, quotes and line breaks', () => {
    expect(toCsv(['report'], [['4 of 5, one "outlier"\nat 24 hours']])).toBe(
      'report\r\n"4 of 5, one ""outlier""\nat 24 hours"\r\n',
    );
  });

  it('leaves missing values empty', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, undefined, Number.NaN]])).toBe(
      'a,b,c\r\n,,\r\n',
    );
  });

  it('keeps negative numbers but defuses text a spreadsheet would run', () => {
    expect(toCsv(['change', 'version'], [[-27, '=HYPERLINK("x")']])).toBe(
      'change,version\r\n-27,"\'=HYPERLINK(""x"")"\r\n',
    );
  });

  it('writes only the header for no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('a,b\r\n');
  });
});
