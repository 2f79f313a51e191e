import { ConfigReader } from '@backstage/config';
import { darken, DEFAULT_BRAND_COLORS, readBrandColors } from './brandColors';

describe('readBrandColors', () => {
  it("reads the organisation's colours from app.branding", () => {
    const config = new ConfigReader({
      app: { branding: { primaryColor: '#ff5500', headerColor: '#102030' } },
    });

    expect(readBrandColors(config)).toEqual({
      primary: '#ff5500',
      header: '#102030',
    });
  });

  it('falls back to the defaults for absent or malformed colours', () => {
    const config = new ConfigReader({
      app: { branding: { primaryColor: 'red', headerColor: '#12345' } },
    });

    expect(readBrandColors(config)).toEqual(DEFAULT_BRAND_COLORS);
    expect(readBrandColors(new ConfigReader({}))).toEqual(DEFAULT_BRAND_COLORS);
  });
});

describe('darken', () => {
  it('moves each channel the given share towards black', () => {
    expect(darken('#ffffff', 0.5)).toBe('#808080');
    expect(darken('#143d73', 0)).toBe('#143d73');
    expect(darken('#143d73', 1)).toBe('#000000');
  });
});
