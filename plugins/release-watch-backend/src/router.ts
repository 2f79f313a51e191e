import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  anyService,
  restrictedCallerResolver,
} from '@internal/backend-plugin-utils';
import express from 'express';
import Router from 'express-promise-router';
import { EntityDirectory } from './attribution/EntityDirectory';
import {
  bodyItems,
  MAX_EVENTS_PER_BATCH,
  parseEventLines,
} from './ingest/parseEvents';
import {
  metricParam,
  periodParam,
  rangeParam,
  scopeParam,
} from './service/queryParams';
import { ReportService } from './service/ReportService';
import { EventStore } from './store/EventStore';
import { TABLES } from './store/tables';
import { Knex } from 'knex';

const BODY_LIMIT = '20mb';

export type RouterOptions = {
  httpAuth: HttpAuthService;
  events: EventStore;
  reports: ReportService;
  directory: EntityDirectory;
  knex: Knex;
  /** Waits for the rollups to include everything ingested so far. */
  settle: () => Promise<void>;
};

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, events, reports, directory, knex, settle } = options;
  const router = Router();
  // Bodies are parsed only where one is expected, and only once the caller
  // is known: /health is reachable unauthenticated, and nobody but a pusher
  // should get the backend to buffer and parse up to 20 MB.
  const parseBody = [
    express.json({ limit: BODY_LIMIT }),
    express.text({
      type: ['application/x-ndjson', 'application/ndjson', 'text/plain'],
      limit: BODY_LIMIT,
    }),
  ];

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // Any CI pushes its events here with a service token. No credentials:
  // 401 (AuthenticationError); a signed-in user: 403 (NotAllowedError).
  const pusher = restrictedCallerResolver(
    httpAuth,
    anyService,
    'Only service principals (CI pipelines with a backend.auth.externalAccess token) may push events',
  );
  const requirePusher: express.RequestHandler = async (req, _res, next) => {
    await pusher(req);
    next();
  };

  router.post('/events', requirePusher, ...parseBody, async (req, res) => {
    const batch = bodyItems(
      req.body,
      typeof req.body === 'string' ? req.body : undefined,
    );
    if (!batch) {
      throw new InputError(
        'Send a JSON array of events, {"events": [...]}, or NDJSON (Content-Type: application/x-ndjson)',
      );
    }
    if (batch.lines.length > MAX_EVENTS_PER_BATCH) {
      throw new InputError(
        `A batch holds at most ${MAX_EVENTS_PER_BATCH} events; this one has ${batch.lines.length}`,
      );
    }
    const parsed = parseEventLines(batch.lines);
    const errors = [...batch.lineErrors, ...parsed.errors].sort(
      (a, b) => a.line - b.line,
    );
    const stored = await events.ingest(parsed.events);
    const body = { ...stored, errors };
    if (errors.length > 0) {
      res.status(400).json({
        error: {
          name: 'InputError',
          message: `${errors.length} of ${
            errors.length + parsed.events.length
          } events refused (the others were stored); first: line ${
            errors[0].line
          }, ${errors[0].field || 'line'}: ${errors[0].message}`,
        },
        response: { statusCode: 400 },
        ...body,
      });
      return;
    }
    res.json(body);
  });

  router.use(async (req, _res, next) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    next();
  });

  router.get('/series', async (req, res) => {
    const query = {
      metric: metricParam(req),
      scope: scopeParam(req),
      period: periodParam(req),
      range: rangeParam(req),
    };
    await settle();
    res.json(await reports.series(query));
  });

  router.get('/okrs', async (req, res) => {
    const scope = scopeParam(req);
    const period = periodParam(req);
    const range = rangeParam(req);
    await settle();
    res.json({
      period,
      from: new Date(range.from).toISOString().slice(0, 10),
      to: new Date(range.to).toISOString().slice(0, 10),
      reports: await reports.okrReports(scope, period, range),
    });
  });

  router.get('/deployments', async (req, res) => {
    const scope = scopeParam(req);
    const period = periodParam(req);
    const range = rangeParam(req);
    res.json(await reports.deploymentsByEnvironment(scope, period, range));
  });

  router.get('/releases', async (req, res) => {
    res.json(await reports.releases(scopeParam(req), rangeParam(req)));
  });

  router.get('/scopes', async (_req, res) => {
    const entities = await directory.list();
    const groups = [
      ...new Set(entities.map(e => e.group).filter((g): g is string => !!g)),
    ].sort();
    res.json({
      groups,
      entities: entities.sort((a, b) => a.entityRef.localeCompare(b.entityRef)),
    });
  });

  // Events no catalog entity claimed: stored and counted, shown here.
  router.get('/unattributed', async (_req, res) => {
    const rows = (await knex(TABLES.events)
      .whereNull('entity_ref')
      .groupBy('subject')
      .select('subject')
      .count({ events: '*' })
      .max({ lastAt: 'at' })
      .orderBy('subject')
      .limit(500)) as Array<{
      subject: string;
      events: number | string;
      lastAt: number | string;
    }>;
    res.json({
      items: rows.map(row => ({
        claimedBy: String(row.subject).replace(/^unattributed:/, ''),
        events: Number(row.events),
        lastAt: new Date(Number(row.lastAt)).toISOString(),
      })),
    });
  });

  return router;
}
