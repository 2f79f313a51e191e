import { InputError } from '@backstage/errors';

/**
 * Fills a template's `{{ name }}` placeholders, each value as `render`
 * escapes or checks it. A placeholder without a value is refused, naming
 * the template as `templateName`.
 */
export function fillPlaceholders(
  template: string,
  values: Record<string, string>,
  templateName: string,
  render: (value: string, key: string) => string,
): string {
  return template.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (_match, key: string) => {
    const value = values[key];
    if (value === undefined) {
      throw new InputError(
        `${templateName} template names an unknown value {{ ${key} }}`,
      );
    }
    return render(value, key);
  });
}
