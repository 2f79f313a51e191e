export { EntityTeamContent } from './EntityTeamContent';
