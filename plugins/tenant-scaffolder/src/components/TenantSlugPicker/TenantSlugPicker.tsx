import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import TextField from '@material-ui/core/TextField';
import { useSlugAvailability } from '../../hooks/useSlugAvailability';
import { slugAvailableText, slugProblemText } from './slugMessages';

const DEFAULT_LABEL = 'Tenant slug';

/**
 * A text field for a new tenant's slug that asks the tenant registry, as the
 * user types, whether the slug is free, and says why not.
 */
export const TenantSlugPicker = (
  props: FieldExtensionComponentProps<string>,
) => {
  const {
    onChange,
    onBlur,
    onFocus,
    rawErrors = [],
    required,
    disabled,
    readonly,
    formData,
    schema,
    uiSchema,
    idSchema,
    name,
  } = props;
  const slug = formData ?? '';
  const check = useSlugAvailability(slug);

  let helperText: string | undefined = schema.description;
  let problem = false;
  if (rawErrors.length > 0) {
    helperText = rawErrors.join(' ');
    problem = true;
  } else if (check.state === 'checking') {
    helperText = 'Checking whether the slug is free…';
  } else if (check.state === 'checked') {
    if (check.result.available) {
      helperText = slugAvailableText(check.result.slug);
    } else {
      helperText = slugProblemText(check.result.problem);
      problem = true;
    }
  } else if (check.state === 'failed') {
    helperText = `Could not check the slug: ${check.error.message}`;
  }

  const id = idSchema?.$id ?? name ?? 'tenant-slug';

  return (
    <TextField
      id={id}
      label={schema.title ?? DEFAULT_LABEL}
      placeholder={uiSchema?.['ui:placeholder'] as string | undefined}
      value={slug}
      required={required}
      disabled={disabled || readonly}
      margin="normal"
      fullWidth
      error={problem}
      helperText={helperText}
      FormHelperTextProps={{ role: 'status', 'aria-live': 'polite' } as object}
      inputProps={{ autoComplete: 'off', spellCheck: false }}
      onChange={event => onChange(event.target.value || undefined)}
      onBlur={event => onBlur?.(id, event.target.value)}
      onFocus={event => onFocus?.(id, event.target.value)}
    />
  );
};
