import { Config } from '@backstage/config';

/** The organisation's colours, as `app.branding` configures them. */
export type BrandColors = {
  /** Buttons, links, the active sidebar item. */
  primary: string;
  /** The page headers' band: from this colour into a darker shade of it. */
  header: string;
};

const HEX = /^#[0-9a-fA-F]{6}$/;

export const DEFAULT_BRAND_COLORS: BrandColors = {
  primary: '#1f5fbf',
  header: '#143d73',
};

/** `app.branding`'s colours; an absent or malformed one falls back to the default. */
export function readBrandColors(config: Config): BrandColors {
  const read = (key: string, fallback: string) => {
    const value = config.getOptionalString(`app.branding.${key}`);
    return value && HEX.test(value) ? value : fallback;
  };
  return {
    primary: read('primaryColor', DEFAULT_BRAND_COLORS.primary),
    header: read('headerColor', DEFAULT_BRAND_COLORS.header),
  };
}

/** A colour `share` (0..1) of the way to black. */
export function darken(hex: string, share: number): string {
  const channel = (offset: number) =>
    Math.round(parseInt(hex.slice(offset, offset + 2), 16) * (1 - share))
      .toString(16)
      .padStart(2, '0');
  return `#${channel(1)}${channel(3)}${channel(5)}`;
}
