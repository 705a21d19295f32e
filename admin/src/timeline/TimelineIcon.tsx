export { default as TimelineIcon } from '@mui/icons-material/ViewTimeline';
