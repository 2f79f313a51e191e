import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ReleaseWatchEvent } from '@internal/plugin-release-watch-common';
import { GroupRules, groupOf } from './groups';

/** The entity an event belongs to and that entity's group; absent when unattributed. */
export type Attribution = { entityRef: string; group: string | null };

/** Attributes events to catalog entities by explicit ref or `github.com/project-slug`. */
export interface EntityDirectory {
  attribute(event: ReleaseWatchEvent): Promise<Attribution | undefined>;
  /** Every attributed entity and its group, for filters. */
  list(): Promise<Attribution[]>;
  /** The `release-watch.io/okrs` annotations of entities that declare objectives. */
  okrAnnotations(): Promise<Array<{ entityRef: string; value: string }>>;
}

export const OKR_ANNOTATION = 'release-watch.io/okrs';

const PROJECT_SLUG = 'github.com/project-slug';

type Index = {
  okrAnnotations: Array<{ entityRef: string; value: string }>;
  byRef: Map<string, Attribution>;
  byRepository: Map<string, Attribution>;
  loadedAt: number;
};

/** An {@link EntityDirectory} over the catalog, reloaded at most once per `maxAgeMs`. */
export class CatalogEntityDirectory implements EntityDirectory {
  private index?: Promise<Index>;

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly groupRules: GroupRules,
    private readonly maxAgeMs = 60_000,
  ) {}

  async attribute(event: ReleaseWatchEvent): Promise<Attribution | undefined> {
    const index = await this.current();
    if (event.entityRef) {
      return index.byRef.get(normalizeRef(event.entityRef));
    }
    return event.repository
      ? index.byRepository.get(event.repository.toLowerCase())
      : undefined;
  }

  async list(): Promise<Attribution[]> {
    return [...(await this.current()).byRef.values()];
  }

  /**
   * Whether the catalog lists the entity; an entity not in the index loaded
   * more than `recheckMs` ago is looked for in a fresh one, so a source
   * waiting for the catalog sees it soon after the catalog does.
   */
  async knows(entityRef: string, recheckMs = 5_000): Promise<boolean> {
    const ref = normalizeRef(entityRef);
    const index = await this.current();
    if (index.byRef.has(ref)) return true;
    if (Date.now() - index.loadedAt < recheckMs) return false;
    this.index = this.load();
    return (await this.index).byRef.has(ref);
  }

  async okrAnnotations() {
    return (await this.current()).okrAnnotations;
  }

  private async current(): Promise<Index> {
    const cached = this.index && (await this.index.catch(() => undefined));
    if (cached && Date.now() - cached.loadedAt < this.maxAgeMs) {
      return cached;
    }
    this.index = this.load();
    return this.index;
  }

  private async load(): Promise<Index> {
    const { items } = await this.catalog.getEntities(
      {
        filter: [{ kind: 'Component' }, { kind: 'System' }],
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.tags',
          `metadata.annotations.${PROJECT_SLUG}`,
          `metadata.annotations.${OKR_ANNOTATION}`,
          'spec.type',
        ],
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    const byRef = new Map<string, Attribution>();
    const byRepository = new Map<string, Attribution>();
    const okrAnnotations: Index['okrAnnotations'] = [];
    for (const entity of items as Entity[]) {
      const attribution = {
        entityRef: stringifyEntityRef(entity),
        group: groupOf(entity, this.groupRules),
      };
      byRef.set(attribution.entityRef, attribution);
      const okrs = entity.metadata.annotations?.[OKR_ANNOTATION];
      if (okrs) {
        okrAnnotations.push({ entityRef: attribution.entityRef, value: okrs });
      }
      const slug = entity.metadata.annotations?.[PROJECT_SLUG];
      if (slug && !byRepository.has(slug.toLowerCase())) {
        byRepository.set(slug.toLowerCase(), attribution);
      }
    }
    return { byRef, byRepository, okrAnnotations, loadedAt: Date.now() };
  }
}

function normalizeRef(ref: string): string {
  const [kind, rest] = ref.split(':', 2);
  const qualified = rest.includes('/') ? rest : `default/${rest}`;
  return `${kind}:${qualified}`.toLowerCase();
}
