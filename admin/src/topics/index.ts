import TopicIcon from '@mui/icons-material/Label';
import { lazy } from 'react';
import type { Topic } from '../types';

const page = <K extends 'TopicList' | 'TopicShow' | 'TopicEdit' | 'TopicCreate'>(name: K) =>
  lazy(() => import('./TopicPages').then((module) => ({ default: module[name] })));

export default {
  list: page('TopicList'),
  show: page('TopicShow'),
  edit: page('TopicEdit'),
  create: page('TopicCreate'),
  icon: TopicIcon,
  recordRepresentation: (topic: Topic) => topic.name,
};
