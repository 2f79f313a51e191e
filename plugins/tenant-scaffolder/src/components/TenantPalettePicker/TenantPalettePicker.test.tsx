import { renderInTestApp } from '@backstage/frontend-test-utils';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { tenantPalette } from '@internal/plugin-tenant-scaffolder-common/testUtils';
import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { Palette, TenantPalettePicker } from './TenantPalettePicker';
import { tenantPaletteValidation } from './validation';

const Harness = () => {
  const [value, setValue] = useState<Partial<Palette> | undefined>(
    tenantPalette,
  );
  const props = {
    formData: value,
    onChange: setValue,
    rawErrors: [],
    schema: { type: 'object', title: 'Palette' },
    uiSchema: {},
    idSchema: { $id: 'root_palette' },
    formContext: { formData: { name: 'Acme Corp' } },
  } as unknown as FieldExtensionComponentProps<Partial<Palette>>;
  return <TenantPalettePicker {...props} />;
};

describe('TenantPalettePicker', () => {
  it('previews the palette with the customer name as colours are typed or picked', async () => {
    await renderInTestApp(<Harness />);

    const preview = screen.getByTestId('palette-preview');
    expect(preview).toHaveAttribute(
      'aria-label',
      'Preview: #1f6feb on #0d1117, text #ffffff',
    );
    expect(screen.getByText('Acme Corp')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText(/Primary colour/), {
      target: { value: '#ff5500' },
    });
    fireEvent.change(screen.getByLabelText('Pick the background colour'), {
      target: { value: '#123456' },
    });
    expect(preview).toHaveAttribute(
      'aria-label',
      'Preview: #ff5500 on #123456, text #ffffff',
    );

    fireEvent.change(screen.getByLabelText(/Secondary colour/), {
      target: { value: 'white' },
    });
    expect(screen.getByText('A colour such as #1f6feb')).toBeInTheDocument();
  });

  it('refuses a palette with a colour missing or not a colour', () => {
    const errors: string[] = [];
    const field = { addError: (message: string) => errors.push(message) };
    tenantPaletteValidation(
      { primary: '#1f6feb', secondary: 'red' },
      field as any,
      {} as any,
    );
    expect(errors).toEqual([
      'The secondary colour must be a colour such as #1f6feb',
      'The background colour must be a colour such as #1f6feb',
    ]);
  });
});
