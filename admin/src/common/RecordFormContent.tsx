import { CardContent, styled, type CardContentProps } from '@mui/material';
import { FormErrorFocus } from './FormErrorFocus';
import { RecordReloadNotice, SaveUnreachableNotice } from './FormServerNotices';

/** As react-admin's own SimpleForm content: room under the inputs on a phone for its floating toolbar. */
const Content = styled(CardContent)(({ theme }) => ({
  [theme.breakpoints.down('sm')]: { paddingBottom: '5em' },
}));

/**
 * The content of every SimpleForm (its `component`, set in theme.ts): the inputs, with what the
 * server's answers mean for them — errors brought into view (FormErrorFocus), and a server that
 * cannot be reached said so, above the form for its record and above Save for a save.
 */
export const RecordFormContent = ({ children, ...props }: CardContentProps) => (
  <Content {...props}>
    <RecordReloadNotice />
    {children}
    <SaveUnreachableNotice />
    <FormErrorFocus />
  </Content>
);
