import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { useState } from 'react';
import {
  RegisteredTenant,
  TenantScaffolderApi,
  tenantScaffolderApiRef,
} from '../../../api/TenantScaffolderApi';
import { acmeWithSmtp } from './smtpSettings';
import { TenantSettingsForm } from '../TenantSettingsForm';

/**
 * The form as the tenant page holds it: a save or a reload hands it the
 * newer tenant.
 */
const FormOnAPage = ({
  reloaded,
  canEdit,
  onReload,
}: {
  reloaded: RegisteredTenant;
  canEdit: boolean;
  onReload: () => void;
}) => {
  const [current, setCurrent] = useState(() => acmeWithSmtp());
  return (
    <TenantSettingsForm
      tenant={current}
      canEdit={canEdit}
      onSaved={setCurrent}
      onReload={() => {
        onReload();
        setCurrent(reloaded);
      }}
    />
  );
};

/** The settings form of `acmeWithSmtp()` in a test app, over `api`. */
export async function renderSettingsForm(
  api: TenantScaffolderApi,
  {
    reloaded = acmeWithSmtp({ revision: 4 }),
    canEdit = true,
    onReload = () => {},
  }: {
    /** What a reload after a conflict loads. */
    reloaded?: RegisteredTenant;
    canEdit?: boolean;
    onReload?: () => void;
  } = {},
) {
  await renderInTestApp(
    <FormOnAPage reloaded={reloaded} canEdit={canEdit} onReload={onReload} />,
    { apis: [[tenantScaffolderApiRef, api]] },
  );
  await screen.findByRole('form', { name: 'Tenant settings' });
}
