import { startTestBackend } from '@backstage/backend-test-utils';
import request from 'supertest';
import { reviewEnvsPlugin } from './plugin';

describe('reviewEnvsPlugin', () => {
  it('answers its health check without credentials', async () => {
    const { server } = await startTestBackend({ features: [reviewEnvsPlugin] });

    const response = await request(server).get('/api/review-envs/health');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });
});
