import { startTestBackend } from '@backstage/backend-test-utils';
import request from 'supertest';
import { releaseWatchPlugin } from './plugin';

describe('releaseWatchPlugin', () => {
  it('answers its health check without credentials', async () => {
    const { server } = await startTestBackend({
      features: [releaseWatchPlugin],
    });

    const response = await request(server).get('/api/release-watch/health');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });
});
