import { Route, Routes } from 'react-router-dom';
import { ReleaseWatchPage } from '../ReleaseWatchPage';
import { TeamsPage } from '../TeamsPage';

/** The Release Watch page at its root, the teams side by side at `/teams`. */
export const ReleaseWatchRoutes = () => (
  <Routes>
    <Route path="/" element={<ReleaseWatchPage />} />
    <Route path="/teams" element={<TeamsPage />} />
  </Routes>
);
