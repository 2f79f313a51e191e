/** A colour as `<input type="color">` takes it: `#abc` as `#aabbcc`, anything that is not a colour as black. */
export function colourPickerValue(colour: string | undefined): string {
  const value = (colour ?? '').trim();
  if (/^#[0-9a-f]{6}$/i.test(value)) return value.toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(value);
  if (short) {
    return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase();
  }
  return '#000000';
}
