export { default as AnalysisIcon } from '@mui/icons-material/Insights';
