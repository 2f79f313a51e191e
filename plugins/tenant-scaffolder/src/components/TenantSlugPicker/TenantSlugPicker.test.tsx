import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { TenantScaffolderApi } from '../../api/TenantScaffolderApi';
import { mockTenantScaffolderApi } from '../../__testUtils__/mockTenantScaffolderApi';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { TenantSlugPicker } from './TenantSlugPicker';
import { tenantSlugValidation } from './validation';

jest.setTimeout(30_000);

/** The field as the scaffolder form drives it: it keeps the value the field reports. */
const Harness = ({ initial = '' }: { initial?: string }) => {
  const [value, setValue] = useState<string | undefined>(initial);
  const props = {
    formData: value,
    onChange: setValue,
    onBlur: () => {},
    onFocus: () => {},
    rawErrors: [],
    required: true,
    schema: { type: 'string', title: 'Tenant slug' },
    uiSchema: {},
    idSchema: { $id: 'root_slug' },
    name: 'slug',
  } as unknown as FieldExtensionComponentProps<string>;
  return <TenantSlugPicker {...props} />;
};

function renderField(api: TenantScaffolderApi) {
  return renderWithApi(<Harness />, api);
}

function takenApi() {
  const api = mockTenantScaffolderApi();
  api.getSlugAvailability.mockImplementation(async slug =>
    slug === 'acme'
      ? { slug, available: false, problem: 'is taken' }
      : { slug, available: true },
  );
  return api;
}

describe('TenantSlugPicker', () => {
  it('says a taken slug is taken, once typing pauses', async () => {
    const api = takenApi();
    renderField(api);

    const input = screen.getByLabelText(/Tenant slug/);
    fireEvent.change(input, { target: { value: 'ac' } });
    fireEvent.change(input, { target: { value: 'acme' } });

    expect(await screen.findByText('The slug is taken.')).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    // Debounced: one call for the slug typing stopped at.
    expect(api.getSlugAvailability).toHaveBeenCalledTimes(1);
    expect(api.getSlugAvailability).toHaveBeenCalledWith('acme');
  });

  it('says a free slug is available', async () => {
    const api = takenApi();
    renderField(api);

    fireEvent.change(screen.getByLabelText(/Tenant slug/), {
      target: { value: 'globex' },
    });

    expect(
      await screen.findByText("'globex' is available."),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/Tenant slug/)).toHaveAttribute(
      'aria-invalid',
      'false',
    );
  });

  it("shows the registry's rule for an invalid slug", async () => {
    const api = mockTenantScaffolderApi();
    api.getSlugAvailability.mockResolvedValue({
      slug: 'admin',
      available: false,
      problem: "'admin' is reserved",
    });
    renderField(api);

    fireEvent.change(screen.getByLabelText(/Tenant slug/), {
      target: { value: 'admin' },
    });

    expect(await screen.findByText("'admin' is reserved.")).toBeInTheDocument();
  });
});

describe('tenantSlugValidation', () => {
  function validate(slug: string, api: TenantScaffolderApi | undefined) {
    const addError = jest.fn();
    const apiHolder = { get: jest.fn().mockReturnValue(api) };
    return Promise.resolve(
      tenantSlugValidation(slug, { addError } as any, {
        apiHolder,
        formData: {},
        schema: {},
      }),
    ).then(() => addError);
  }

  it('rejects a taken slug', async () => {
    const addError = await validate('acme', takenApi());
    expect(addError).toHaveBeenCalledWith('The slug is taken.');
  });

  it('rejects a slug against the rules without asking', async () => {
    const api = takenApi();
    const addError = await validate('Acme!', api);
    expect(addError).toHaveBeenCalledWith(
      expect.stringContaining('must be a DNS label'),
    );
    expect(api.getSlugAvailability).not.toHaveBeenCalled();
  });

  it('accepts a free slug', async () => {
    const addError = await validate('globex', takenApi());
    expect(addError).not.toHaveBeenCalled();
  });

  it('leaves an empty slug to `required`', async () => {
    const api = takenApi();
    const addError = await validate('', api);
    await waitFor(() => expect(addError).not.toHaveBeenCalled());
    expect(api.getSlugAvailability).not.toHaveBeenCalled();
  });
});
