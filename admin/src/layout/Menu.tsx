import { Divider } from '@mui/material';
import { Menu as RaMenu } from 'react-admin';
import { AnalysisIcon } from '../analysis/AnalysisIcon';
import { TimelineIcon } from '../timeline/TimelineIcon';

/**
 * The reading views first (the timeline, the analysis), then the entries, their imports and the
 * snapshots saved of them, the people and vocabularies they refer to, and what changed. Entries for resources the account may
 * not list (Users and Trash, for admins) are left out by react-admin, which asks the auth
 * provider's canAccess. Every member may list the imports (the activity feed links to them);
 * importing and undoing are for editors and admins, and their buttons ask too.
 */
export const Menu = () => (
  <RaMenu>
    <RaMenu.Item to="/timeline" primaryText="Timeline" leftIcon={<TimelineIcon />} />
    <RaMenu.Item to="/analysis" primaryText="Analysis" leftIcon={<AnalysisIcon />} />
    <RaMenu.ResourceItem name="statements" />
    <RaMenu.ResourceItem name="imports" />
    <RaMenu.ResourceItem name="snapshots" />
    <RaMenu.ResourceItem name="saved-queries" />
    <Divider sx={{ my: 1 }} />
    <RaMenu.ResourceItem name="actors" />
    <RaMenu.ResourceItem name="sources" />
    <RaMenu.ResourceItem name="topics" />
    <RaMenu.ResourceItem name="stances" />
    <Divider sx={{ my: 1 }} />
    <RaMenu.ResourceItem name="revisions" />
    <RaMenu.ResourceItem name="users" />
    <RaMenu.ResourceItem name="trash" />
  </RaMenu>
);
