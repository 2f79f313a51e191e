import { createHmac } from 'node:crypto';
import { MaskRule } from './maskingPolicy';

const FIRST_NAMES = [
  'Alex',
  'Blake',
  'Casey',
  'Dana',
  'Eden',
  'Finley',
  'Gray',
  'Harper',
  'Indigo',
  'Jules',
  'Kai',
  'Logan',
  'Morgan',
  'Noel',
  'Oakley',
  'Parker',
  'Quinn',
  'Reese',
  'Sage',
  'Taylor',
  'Umber',
  'Vale',
  'Wren',
  'Yael',
];
const LAST_NAMES = [
  'Ashdown',
  'Birchley',
  'Coldwell',
  'Dunmore',
  'Eastwood',
  'Fairbank',
  'Greystone',
  'Hollins',
  'Ivesdale',
  'Jarrow',
  'Kestrel',
  'Larkfield',
  'Marlow',
  'Northcote',
  'Oakhurst',
  'Pendle',
  'Quarry',
  'Redfern',
  'Stonebridge',
  'Thornbury',
  'Underhill',
  'Westmoor',
  'Yardley',
  'Zennor',
];

/** A cell value as drivers read it. */
export type CellValue = string | number | bigint | boolean | Buffer | null;

/**
 * Masks values by rule. Every rule but `keep` and `fixed` is a keyed hash
 * of the value alone (HMAC-SHA256 with the policy's secret), not of where it
 * is: the same value gives the same output in every table and column, so
 * joins on masked columns still match, and without the secret nobody can
 * recompute it from a guess. A null stays null under every rule.
 */
export class Maskers {
  constructor(private readonly secret: string) {}

  mask(rule: MaskRule, value: CellValue): CellValue {
    if (value === null || value === undefined) return null;
    switch (rule.kind) {
      case 'keep':
        return value;
      case 'null':
        return null;
      case 'fixed':
        return rule.value;
      case 'hash':
        return this.hash(value);
      case 'fake-email':
        return this.fakeEmail(value);
      case 'fake-name':
        return this.fakeName(value);
      case 'fake-phone':
        return this.fakePhone(value);
      default:
        throw new Error(`unknown masking rule ${JSON.stringify(rule)}`);
    }
  }

  /**
   * 16 hex digits for text; for a number, a whole number from 1 to
   * 2^31 - 1, so that integer columns stay integers.
   */
  private hash(value: Exclude<CellValue, null>): string | number {
    const digest = this.digest('hash', value);
    if (typeof value === 'number' || typeof value === 'bigint') {
      return (digest.readUInt32BE(0) % 0x7ffffffe) + 1;
    }
    return digest.subarray(0, 8).toString('hex');
  }

  /** `<first>.<last>.<10 hex digits>@example.com`: reserved, never delivered, unique in practice. */
  private fakeEmail(value: Exclude<CellValue, null>): string {
    const digest = this.digest('email', normalized(value));
    const first = FIRST_NAMES[digest[0] % FIRST_NAMES.length].toLowerCase();
    const last = LAST_NAMES[digest[1] % LAST_NAMES.length].toLowerCase();
    return `${first}.${last}.${digest
      .subarray(2, 7)
      .toString('hex')}@example.com`;
  }

  private fakeName(value: Exclude<CellValue, null>): string {
    const digest = this.digest('name', value);
    return `${FIRST_NAMES[digest[0] % FIRST_NAMES.length]} ${
      LAST_NAMES[digest[1] % LAST_NAMES.length]
    }`;
  }

  /** A number of the block `+1 555 01xx` reserved for fiction, with four more digits. */
  private fakePhone(value: Exclude<CellValue, null>): string {
    const digest = this.digest('phone', normalized(value));
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    return `+1 555 01${pad(digest[0] % 100, 2)} ${pad(
      digest.readUInt16BE(1) % 10000,
      4,
    )}`;
  }

  private digest(purpose: string, value: Exclude<CellValue, null>): Buffer {
    const text = Buffer.isBuffer(value)
      ? value.toString('base64')
      : String(value);
    return createHmac('sha256', this.secret)
      .update(`${purpose}\u0000${text}`)
      .digest();
  }
}

/** Emails and phone numbers match however they were typed. */
function normalized(value: Exclude<CellValue, null>): string {
  return String(value)
    .trim()
    .toLowerCase()
    .replace(/[\s().-]/g, '');
}
