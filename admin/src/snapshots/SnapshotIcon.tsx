export { default as SnapshotIcon } from '@mui/icons-material/CameraAlt';
