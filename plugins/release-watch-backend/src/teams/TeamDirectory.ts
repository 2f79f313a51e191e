import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { GroupNode, rollUpTeams, Team } from './rollUpTeams';

/** The teams there are numbers for: catalog Groups and the attributed entities they own. */
export interface TeamDirectory {
  /** Every Group owning an attributed entity, itself or through the groups below it. */
  teams(): Promise<Team[]>;
  /** One Group's team; NotFoundError when the catalog has no such Group. */
  team(owner: string): Promise<Team>;
}

type Loaded = { teams: Team[]; groups: Set<string>; loadedAt: number };

/** A {@link TeamDirectory} over the catalog, read with the plugin's own credentials, reloaded at most once per `maxAgeMs`. */
export class CatalogTeamDirectory implements TeamDirectory {
  private loaded?: Promise<Loaded>;

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly maxAgeMs = 60_000,
  ) {}

  async teams(): Promise<Team[]> {
    return (await this.current()).teams;
  }

  async team(owner: string): Promise<Team> {
    const ref = owner.toLowerCase();
    const loaded = await this.current();
    const team = loaded.teams.find(t => t.owner === ref);
    if (team) {
      return team;
    }
    if (loaded.groups.has(ref)) {
      // A Group that owns nothing Release Watch measures: no numbers.
      return { owner: ref, title: ref, parent: null, entityRefs: [] };
    }
    throw new NotFoundError(`The catalog has no Group ${owner}`);
  }

  private async current(): Promise<Loaded> {
    const cached = this.loaded && (await this.loaded.catch(() => undefined));
    if (cached && Date.now() - cached.loadedAt < this.maxAgeMs) {
      return cached;
    }
    this.loaded = this.load();
    return this.loaded;
  }

  private async load(): Promise<Loaded> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const [groups, owned] = await Promise.all([
      this.catalog.getEntities(
        {
          filter: { kind: 'Group' },
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'metadata.title',
            'spec.profile.displayName',
            'spec.parent',
            'spec.children',
            'relations',
          ],
        },
        { credentials },
      ),
      // The kinds events are attributed to (see EntityDirectory).
      this.catalog.getEntities(
        {
          filter: [{ kind: 'Component' }, { kind: 'System' }],
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'spec.owner',
            'relations',
          ],
        },
        { credentials },
      ),
    ]);
    const ownedBy = new Map<string, string[]>();
    for (const entity of owned.items as Entity[]) {
      const entityRef = stringifyEntityRef(entity);
      for (const owner of ownersOf(entity)) {
        ownedBy.set(owner, [...(ownedBy.get(owner) ?? []), entityRef]);
      }
    }
    const nodes = (groups.items as Entity[]).map(groupNode);
    return {
      teams: rollUpTeams(nodes, ownedBy),
      groups: new Set(nodes.map(node => node.ref)),
      loadedAt: Date.now(),
    };
  }
}

/** A group ref in the form teams are keyed by: `group:namespace/name`, lower case. */
function groupRef(ref: string, namespace: string | undefined): string | null {
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, {
        defaultKind: 'group',
        defaultNamespace: namespace ?? 'default',
      }),
    ).toLowerCase();
  } catch {
    return null;
  }
}

const related = (entity: Entity, type: string) =>
  (entity.relations ?? [])
    .filter(relation => relation.type === type)
    .map(relation => relation.targetRef.toLowerCase());

function ownersOf(entity: Entity): Set<string> {
  const owners = new Set(related(entity, 'ownedBy'));
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  const fromSpec =
    typeof owner === 'string' && groupRef(owner, entity.metadata.namespace);
  if (fromSpec) {
    owners.add(fromSpec);
  }
  return owners;
}

function groupNode(entity: Entity): GroupNode {
  const spec = (entity.spec ?? {}) as {
    parent?: unknown;
    children?: unknown;
    profile?: { displayName?: unknown };
  };
  const namespace = entity.metadata.namespace;
  const refs = (values: unknown[]) =>
    values
      .map(value =>
        typeof value === 'string' ? groupRef(value, namespace) : null,
      )
      .filter((ref): ref is string => !!ref);
  const parent =
    refs([spec.parent])[0] ?? related(entity, 'childOf')[0] ?? null;
  const displayName = spec.profile?.displayName;
  return {
    ref: stringifyEntityRef(entity).toLowerCase(),
    title:
      (typeof displayName === 'string' && displayName) ||
      entity.metadata.title ||
      entity.metadata.name,
    parent,
    children: [
      ...refs(Array.isArray(spec.children) ? spec.children : []),
      ...related(entity, 'parentOf'),
    ],
  };
}
