import { CollectionTable, likeEscape } from '../records/list-query/collection-reader';
import { ListSpec } from '../records/list-query/filter-definitions';
import { User, USER_ROLES } from './user.entity';

export const USER_FILTERS = {
  id: { type: 'id', description: 'User id; repeat for several.' },
  q: { type: 'text', maxLength: 200, description: 'Part of the display name or email.' },
  role: { type: 'enum', values: USER_ROLES, description: 'viewer, editor or admin; repeat for several.' },
  active: { type: 'enum', values: ['true', 'false'], description: 'true: active accounts; false: deactivated ones.' },
} as const;

export const USER_SORTS = ['id', 'displayName', 'email', 'role', 'active', 'lastLoginAt', 'createdAt'] as const;
export type UserSort = (typeof USER_SORTS)[number];

export const USER_LIST_SPEC: ListSpec<typeof USER_FILTERS, UserSort> = {
  resource: 'users',
  filters: USER_FILTERS,
  sortFields: USER_SORTS,
  defaultSort: { field: 'displayName', order: 'ASC' },
};

export const USER_TABLE: CollectionTable<typeof USER_FILTERS, UserSort> = {
  entity: User,
  alias: 'u',
  trash: false,
  columns: {
    id: 'u.id',
    email: 'u.email',
    displayName: 'u.display_name',
    role: 'u.role',
    active: 'u.active',
    mustChangePassword: 'u.must_change_password',
    oneTimePasswordExpiresAt: 'u.one_time_password_expires_at',
    lastLoginAt: 'u.last_login_at',
    createdAt: 'u.created_at',
    updatedAt: 'u.updated_at',
  },
  sortSql: {
    id: 'u.id',
    displayName: 'lower(u.display_name)',
    email: 'u.email',
    role: 'u.role',
    active: 'u.active',
    lastLoginAt: 'u.last_login_at',
    createdAt: 'u.created_at',
  },
  filterSql: {
    id: (ids) => ({ sql: 'u.id = ANY(:userIds)', params: { userIds: ids } }),
    q: (text) => ({ sql: '(u.display_name ILIKE :userQ OR u.email ILIKE :userQ)', params: { userQ: `%${likeEscape(text)}%` } }),
    role: (roles) => ({ sql: 'u.role = ANY(CAST(:userRoles AS user_role[]))', params: { userRoles: roles } }),
    active: (values) => ({ sql: 'u.active = ANY(CAST(:userActive AS boolean[]))', params: { userActive: values } }),
  },
};
