import { createExtensionTester } from '@backstage/frontend-test-utils';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import {
  tenantReleaseWatchApi,
  tenantScaffolderPlugin,
  tenantSlugPickerFormField,
} from './plugin';

describe('tenantScaffolderPlugin', () => {
  it('contributes the API, the page and the slug field', () => {
    expect(tenantScaffolderPlugin.id).toBe('tenant-scaffolder');
    expect(String(tenantSlugPickerFormField)).toContain('tenant-slug-picker');
    expect(String(tenantReleaseWatchApi)).toContain(
      'kind=api,name=release-watch',
    );
  });

  it('loads the TenantSlugPicker form field for the scaffolder', async () => {
    const tester = createExtensionTester(tenantSlugPickerFormField);
    const load = tester.get(FormFieldBlueprint.dataRefs.formFieldLoader);

    const field = await load();

    expect(field.$$type).toBe('@backstage/scaffolder/FormField');
  });
});
