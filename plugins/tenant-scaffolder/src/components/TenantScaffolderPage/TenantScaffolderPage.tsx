import { Route, Routes } from 'react-router-dom';
import { TenantPage } from '../TenantPage';
import { TenantsListPage } from '../TenantsListPage';

/** The Tenants page: the list at its root, one tenant at `/:slug`. */
export const TenantScaffolderPage = () => (
  <Routes>
    <Route path="/" element={<TenantsListPage />} />
    <Route path="/:slug" element={<TenantPage />} />
  </Routes>
);
