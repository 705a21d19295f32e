import { CreateInDialog } from '../common/CreateInDialog';
import { SourceFields } from './SourceFields';

const today = () => new Date().toISOString().slice(0, 10);

export const CreateSourceDialog = () => (
  <CreateInDialog resource="sources" title="New source" defaultValues={(typed) => ({ title: typed, kind: 'news', accessedOn: today() })}>
    <SourceFields full={false} />
  </CreateInDialog>
);
