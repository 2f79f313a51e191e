export interface Config {
  permission?: {
    /**
     * Entity refs of the groups whose members are portal admins: they are
     * granted every permission, including the admin-only ones.
     * Defaults to `group:default/portal-admins`.
     */
    adminGroups?: string[];
  };
}
