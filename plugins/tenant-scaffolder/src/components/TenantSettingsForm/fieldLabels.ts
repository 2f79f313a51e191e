/** What the problem summary calls each field the backend names. */
const FIELD_LABELS: Record<string, string> = {
  'settings.branding.palette.primary': 'Primary colour',
  'settings.branding.palette.secondary': 'Secondary colour',
  'settings.branding.palette.background': 'Background colour',
  'settings.branding.logoUrl': 'Logo URL',
  'settings.mail.mode': 'Mail sender',
  'settings.mail.host': 'SMTP host',
  'settings.mail.port': 'SMTP port',
  'settings.mail.username': 'SMTP user name',
  'settings.mail.fromAddress': 'From address',
  'settings.mail.password': 'SMTP password',
  'settings.footer.address': 'Postal address',
  'settings.footer.links': 'Footer links',
  'settings.analyticsId': 'Analytics id',
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
