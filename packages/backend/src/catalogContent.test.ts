import {
  Entity,
  KindValidator,
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  parseEntityRef,
  resourceEntityV1alpha1Validator,
  stringifyEntityRef,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/**
 * The catalog content a fresh portal starts with: every file that
 * app-config.yaml lists must parse, hold valid entities of the kinds its
 * location allows, and refer only to entities that exist.
 */
const REPO_ROOT = resolve(__dirname, '../../..');
const BACKEND_DIR = resolve(REPO_ROOT, 'packages/backend');

const VALIDATORS: KindValidator[] = [
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
  templateEntityV1beta3Validator,
];

type LocationConfig = {
  target: string;
  rules?: Array<{ allow: string[] }>;
};

const appConfig = parse(
  readFileSync(resolve(REPO_ROOT, 'app-config.yaml'), 'utf8'),
);
const globalAllowed: string[] = appConfig.catalog.rules.flatMap(
  (rule: { allow: string[] }) => rule.allow,
);
const locations: LocationConfig[] = appConfig.catalog.locations;

function readEntities(path: string): Entity[] {
  return parseAllDocuments(readFileSync(path, 'utf8')).map(document => {
    if (document.errors.length > 0) {
      throw new Error(`${path}: ${document.errors[0].message}`);
    }
    return document.toJS() as Entity;
  });
}

const entitiesByLocation = locations.map(location => ({
  location,
  entities: readEntities(resolve(BACKEND_DIR, location.target)),
}));
const allEntities = entitiesByLocation.flatMap(({ entities }) => entities);
const knownRefs = new Set(
  allEntities.map(entity => stringifyEntityRef(entity)),
);

/** Fields that hold entity refs, with the kind a bare name refers to. */
const REF_FIELDS: Array<[string, string]> = [
  ['owner', 'group'],
  ['system', 'system'],
  ['domain', 'domain'],
  ['parent', 'group'],
  ['children', 'group'],
  ['memberOf', 'group'],
  ['dependsOn', 'component'],
  ['providesApis', 'api'],
  ['consumesApis', 'api'],
];

function refsOf(entity: Entity): string[] {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  return REF_FIELDS.flatMap(([field, defaultKind]) => {
    const refs = [spec[field]].flat().filter(Boolean);
    return refs.map(ref =>
      stringifyEntityRef(parseEntityRef(String(ref), { defaultKind })),
    );
  });
}

describe('catalog content of a fresh portal', () => {
  it('lists the portal itself and the examples', () => {
    expect(locations.map(location => location.target)).toEqual(
      expect.arrayContaining([
        '../../catalog-info.yaml',
        '../../examples/org.yaml',
      ]),
    );
    expect(knownRefs).toContain('system:default/developer-portal');
  });

  it.each(
    entitiesByLocation.map(
      ({ location, entities }) =>
        [location.target, location, entities] as const,
    ),
  )(
    '%s holds valid entities of the kinds its location allows',
    async (_target, location, entities) => {
      const allowed = (
        location.rules?.flatMap(rule => rule.allow) ?? globalAllowed
      ).map(kind => kind.toLocaleLowerCase('en-US'));
      for (const entity of entities) {
        const ref = stringifyEntityRef(entity);
        expect({
          ref,
          allowed: allowed.includes(entity.kind.toLocaleLowerCase('en-US')),
        }).toEqual({
          ref,
          allowed: true,
        });
        const results = await Promise.all(
          VALIDATORS.map(validator => validator.check(entity)),
        );
        expect({ ref, valid: results.includes(true) }).toEqual({
          ref,
          valid: true,
        });
      }
    },
  );

  it('refers only to entities that exist', () => {
    const dangling = allEntities.flatMap(entity =>
      refsOf(entity)
        .filter(ref => !knownRefs.has(ref))
        .map(ref => `${stringifyEntityRef(entity)} -> ${ref}`),
    );
    expect(dangling).toEqual([]);
  });
});
