import { startTestBackend } from '@backstage/backend-test-utils';
import request from 'supertest';
import { tenantScaffolderPlugin } from './plugin';

describe('tenantScaffolderPlugin', () => {
  it('answers its health check without credentials', async () => {
    const { server } = await startTestBackend({
      features: [tenantScaffolderPlugin],
    });

    const response = await request(server).get('/api/tenant-scaffolder/health');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });
});
