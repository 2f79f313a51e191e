import type { FieldProblem } from './FieldProblem';

/** Collects problems while reading untyped input. */
export class FieldChecker {
  constructor(private readonly problems: FieldProblem[]) {}

  fail(field: string, message: string) {
    this.problems.push({ field: field || '(body)', message });
  }

  that(problem: string | undefined, field: string) {
    if (problem) this.fail(field, problem);
  }

  object(value: unknown, field: string): Record<string, any> | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, any>;
    }
    this.fail(field, 'is required');
    return undefined;
  }

  string(value: unknown, field: string): string | undefined {
    if (typeof value === 'string') return value;
    this.fail(field, value === undefined ? 'is required' : 'must be text');
    return undefined;
  }

  /** Free text: non-empty, at most `max` characters, no control characters. */
  text(value: unknown, field: string, max: number, multiline = false) {
    const text = this.string(value, field);
    if (text === undefined) return;
    if (text.trim().length === 0) this.fail(field, 'is required');
    else if (text.length > max) {
      this.fail(field, `must be at most ${max} characters`);
    } else if (hasControlCharacters(text, multiline)) {
      this.fail(field, 'must not contain control characters');
    }
  }
}

function hasControlCharacters(text: string, multiline: boolean): boolean {
  for (const char of text) {
    const code = char.charCodeAt(0);
    const lineBreak = char === '\n' || char === '\r';
    if ((code < 0x20 || code === 0x7f) && !(multiline && lineBreak)) {
      return true;
    }
  }
  return false;
}
