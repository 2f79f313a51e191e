import { createContext, useContext } from 'react';
import { SettingsFormValues } from './settingsForm';
import { SetSettingsValue } from './useSettingsForm';

/** What every field of the settings form shares. */
export type SettingsFieldsState = {
  values: SettingsFormValues;
  set: SetSettingsValue;
  /** The first problem the backend named for each field path, e.g. `settings.mail.host`. */
  problems: Record<string, string>;
  /** Whether the fields are locked: no permission, or a save under way. */
  disabled: boolean;
};

export const SettingsFieldsContext = createContext<
  SettingsFieldsState | undefined
>(undefined);

export function useSettingsFields(): SettingsFieldsState {
  const state = useContext(SettingsFieldsContext);
  if (!state) {
    throw new Error('A settings field must be inside the settings form');
  }
  return state;
}
