import { LoggerService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { Okr } from '@internal/plugin-release-watch-common';
import { parse } from 'yaml';
import {
  EntityDirectory,
  OKR_ANNOTATION,
} from '../attribution/EntityDirectory';
import { readOkrs } from './readOkrs';

/**
 * Every objective: those in config, and those entities declare in the
 * `release-watch.io/okrs` annotation (a YAML or JSON list with the fields of
 * a config entry; the scope is the entity). A malformed annotation is logged
 * and skipped, so one entity cannot take the page down.
 */
export class OkrCatalog {
  private readonly warned = new Set<string>();

  constructor(
    private readonly fromConfig: Okr[],
    private readonly directory: EntityDirectory,
    private readonly logger: LoggerService,
  ) {}

  async all(): Promise<Okr[]> {
    const declared: Okr[] = [];
    for (const { entityRef, value } of await this.directory.okrAnnotations()) {
      try {
        const entries = parse(value);
        if (!Array.isArray(entries)) {
          throw new Error('expected a list of objectives');
        }
        const okrs = readOkrs(
          new ConfigReader({
            releaseWatch: {
              okrs: entries.map(entry => ({
                ...entry,
                group: undefined,
                entityRef,
              })),
            },
          }),
        );
        declared.push(
          ...okrs.map(okr => ({
            ...okr,
            id: `${entityRef}#${okr.id}`,
            declaredBy: entityRef,
          })),
        );
      } catch (error) {
        const key = `${entityRef}\n${value}`;
        if (!this.warned.has(key)) {
          this.warned.add(key);
          this.logger.warn(
            `Ignoring the ${OKR_ANNOTATION} annotation of ${entityRef}: ${error}`,
          );
        }
      }
    }
    return [...this.fromConfig, ...declared];
  }
}
