import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import { SettingsFormValues } from './settingsForm';
import { SettingsField } from './SettingsField';
import { useSettingsFields } from './SettingsFieldsContext';
import { SettingsTextField } from './SettingsTextField';

const MAX_FOOTER_LINKS = 10;

type FooterLink = SettingsFormValues['footerLinks'][number];

const LINK_PARTS: Array<{ part: keyof FooterLink; name: string }> = [
  { part: 'label', name: 'label' },
  { part: 'url', name: 'URL' },
];

/** The mail footer: a postal address and up to ten links. */
export const FooterSection = () => {
  const { values, set, problems, disabled } = useSettingsFields();
  const links = values.footerLinks;
  const setLinks = (changed: FooterLink[]) => set('footerLinks', changed);
  const linksProblem = problems['settings.footer.links'];

  return (
    <Box mt={3}>
      <Typography variant="subtitle1" gutterBottom>
        Mail footer
      </Typography>
      <SettingsField name="footerAddress" />
      {linksProblem && (
        <Typography color="error" variant="caption">
          {linksProblem}
        </Typography>
      )}
      {links.map((link, index) => (
        <Box key={index} display="flex" gridGap={8} mt={2}>
          {LINK_PARTS.map(({ part, name }) => (
            <SettingsTextField
              key={part}
              id={`settings-footer-link-${index}-${part}`}
              label={`Link ${index + 1} ${name}`}
              path={`settings.footer.links[${index}].${part}`}
              value={link[part]}
              onChange={value =>
                setLinks(
                  links.map((other, i) =>
                    i === index ? { ...other, [part]: value } : other,
                  ),
                )
              }
            />
          ))}
          <IconButton
            aria-label={`Remove link ${index + 1}`}
            disabled={disabled}
            onClick={() => setLinks(links.filter((_, i) => i !== index))}
          >
            <DeleteIcon />
          </IconButton>
        </Box>
      ))}
      <Box mt={1}>
        <Button
          size="small"
          disabled={disabled || links.length >= MAX_FOOTER_LINKS}
          onClick={() => setLinks([...links, { label: '', url: 'https://' }])}
        >
          Add link
        </Button>
      </Box>
    </Box>
  );
};
