import { CardContent, styled, type CardContentProps } from '@mui/material';
import { FormErrorFocus } from './FormErrorFocus';

/** As react-admin's own SimpleForm content: room under the inputs on a phone for its floating toolbar. */
const Content = styled(CardContent)(({ theme }) => ({
  [theme.breakpoints.down('sm')]: { paddingBottom: '5em' },
}));

/**
 * The content of every SimpleForm (its `component`, set in theme.ts): the inputs, with what the
 * server's answers mean for them — errors brought into view (FormErrorFocus).
 */
export const RecordFormContent = ({ children, ...props }: CardContentProps) => (
  <Content {...props}>
    {children}
    <FormErrorFocus />
  </Content>
);
