export { default as SavedQueryIcon } from '@mui/icons-material/BookmarksOutlined';
