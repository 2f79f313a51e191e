import { SETTINGS_FIELDS } from './settingsFields';

/** What the problem summary calls each field the backend names. */
const FIELD_LABELS: Record<string, string> = {
  ...Object.fromEntries(
    Object.values(SETTINGS_FIELDS).map(({ path, label }) => [path, label]),
  ),
  'settings.mail.mode': 'Mail sender',
  'settings.footer.links': 'Footer links',
  expectedRevision: 'Revision',
};

/** A backend field path as a person reads it: `settings.footer.links[0].url` is "Footer link 1 URL". */
export function labelOf(field: string): string {
  const link = /^settings\.footer\.links\[(\d+)\]\.(label|url)$/.exec(field);
  if (link) {
    return `Footer link ${Number(link[1]) + 1} ${
      link[2] === 'url' ? 'URL' : 'label'
    }`;
  }
  return FIELD_LABELS[field] ?? field;
}
