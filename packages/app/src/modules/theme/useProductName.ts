import { configApiRef, useApi } from '@backstage/frontend-plugin-api';

/** The product's name, `app.title`: the sidebar, the sign-in page, the home page. */
export function useProductName(): string {
  return (
    useApi(configApiRef).getOptionalString('app.title') ?? 'Developer Portal'
  );
}
