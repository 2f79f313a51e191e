import { createContext, useContext } from 'react';

/** What every field of the settings form shares: the backend's problems, and whether it may be edited now. */
export type SettingsFieldsState = {
  /** The first problem the backend named for each field path, e.g. `settings.mail.host`. */
  problems: Record<string, string>;
  disabled: boolean;
};

export const SettingsFieldsContext = createContext<SettingsFieldsState>({
  problems: {},
  disabled: false,
});

export function useSettingsFields(): SettingsFieldsState {
  return useContext(SettingsFieldsContext);
}
