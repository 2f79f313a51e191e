import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  ReviewEnvironment,
  ReviewEnvironmentSeed,
} from '@internal/plugin-review-envs-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import LinearProgress from '@material-ui/core/LinearProgress';
import TextField from '@material-ui/core/TextField';
import { FormEvent, useEffect, useState } from 'react';
import { reviewEnvsApiRef } from '../../api/ReviewEnvsApi';

const SLUG = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
/** The annotation of a tenant's catalog Resource that holds its slug. */
const SLUG_ANNOTATION = 'tenant-scaffolder/slug';

type TenantOption = { slug: string; title: string };

/**
 * The tenants the catalog lists (Resources of type `tenant`), by title;
 * undefined while loading, empty when the catalog has none or cannot say.
 */
function useTenants(): TenantOption[] | undefined {
  const catalogApi = useApi(catalogApiRef);
  const [tenants, setTenants] = useState<TenantOption[]>();
  useEffect(() => {
    let current = true;
    catalogApi
      .getEntities({
        filter: { kind: 'Resource', 'spec.type': 'tenant' },
        fields: ['metadata.title', 'metadata.annotations'],
      })
      .then(({ items }) =>
        items.flatMap(entity => {
          const slug = entity.metadata.annotations?.[SLUG_ANNOTATION];
          return slug ? [{ slug, title: entity.metadata.title ?? slug }] : [];
        }),
      )
      .catch(() => [])
      .then(found => {
        if (current) {
          setTenants(found.sort((a, b) => a.title.localeCompare(b.title)));
        }
      });
    return () => {
      current = false;
    };
  }, [catalogApi]);
  return tenants;
}

/** How often the dialog asks how far a running seed is. */
const PROGRESS_EVERY_MS = 1000;

type Stage =
  | { kind: 'choosing' }
  | { kind: 'running'; tenant: string; rowsCopied: number }
  | { kind: 'done'; seed: ReviewEnvironmentSeed }
  | { kind: 'failed'; message: string };

/**
 * "Load data from tenant": asks for the tenant, then replaces the
 * environment's database with a masked copy of the tenant's, showing the
 * rows copied while it runs and the outcome when done.
 */
export const SeedDialog = (props: {
  environment: ReviewEnvironment;
  onClose: () => void;
  onSeeded: () => void;
}) => {
  const { environment, onClose, onSeeded } = props;
  const api = useApi(reviewEnvsApiRef);
  const tenants = useTenants();
  const [tenant, setTenant] = useState('');
  const [stage, setStage] = useState<Stage>({ kind: 'choosing' });
  const valid = SLUG.test(tenant);

  const running = stage.kind === 'running';
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(async () => {
      try {
        const [latest] = await api.environmentSeeds(environment.id);
        if (latest?.state === 'running') {
          setStage(current =>
            current.kind === 'running'
              ? { ...current, rowsCopied: latest.rowsCopied }
              : current,
          );
        }
      } catch {
        // Progress is a courtesy: the seed's own answer says how it went.
      }
    }, PROGRESS_EVERY_MS);
    return () => clearInterval(timer);
  }, [running, api, environment.id]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    setStage({ kind: 'running', tenant, rowsCopied: 0 });
    try {
      const seed = await api.seedEnvironment(environment.id, tenant);
      setStage({ kind: 'done', seed });
      onSeeded();
    } catch (error) {
      setStage({ kind: 'failed', message: (error as Error).message });
    }
  };

  return (
    <Dialog
      open
      onClose={running ? undefined : onClose}
      aria-labelledby="seed-dialog-title"
      fullWidth
    >
      <form onSubmit={submit}>
        <DialogTitle id="seed-dialog-title">
          Load data from tenant into {environment.id}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            The environment's database is replaced by a copy of the tenant's,
            every column masked by the portal's policy. Its previous data stays
            if the copy fails.
          </DialogContentText>
          {tenants && tenants.length > 0 ? (
            <TextField
              select
              fullWidth
              required
              margin="dense"
              id="seed-tenant"
              label="Tenant"
              helperText="The tenants in the catalog"
              SelectProps={{ native: true }}
              value={tenant}
              disabled={stage.kind === 'running'}
              onChange={event => setTenant(event.target.value)}
            >
              <option value="" disabled>
                Choose a tenant
              </option>
              {tenants.map(option => (
                <option key={option.slug} value={option.slug}>
                  {option.title} ({option.slug})
                </option>
              ))}
            </TextField>
          ) : (
            <TextField
              fullWidth
              required
              margin="dense"
              id="seed-tenant"
              label="Tenant"
              placeholder="e.g. acme"
              helperText="The tenant's slug"
              value={tenant}
              disabled={stage.kind === 'running'}
              error={tenant.length > 0 && !valid}
              onChange={event => setTenant(event.target.value.trim())}
            />
          )}
          {stage.kind === 'running' && (
            <div role="status" style={{ marginTop: 16 }}>
              <LinearProgress />
              <p>
                Copying from {stage.tenant}: {stage.rowsCopied.toLocaleString()}{' '}
                rows so far
              </p>
            </div>
          )}
          {stage.kind === 'done' && (
            <p role="status">
              Loaded {(stage.seed.rows ?? 0).toLocaleString()} rows from{' '}
              {stage.seed.tenant} (masking policy {stage.seed.policyRevision}).
            </p>
          )}
          {stage.kind === 'failed' && (
            <p role="alert" style={{ color: 'inherit' }}>
              Not loaded: {stage.message}
            </p>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={stage.kind === 'running'}>
            {stage.kind === 'done' ? 'Close' : 'Cancel'}
          </Button>
          {stage.kind !== 'done' && (
            <Button
              type="submit"
              color="primary"
              variant="contained"
              disabled={!valid || stage.kind === 'running'}
            >
              Load data
            </Button>
          )}
        </DialogActions>
      </form>
    </Dialog>
  );
};
