import { label, type ObjectDefinition } from '../object-definition.ts'
import { ROLE_OPTIONS } from './shared-options.ts'

/** Members of a workspace; the password is set through the user hook, never read back. */
export const user: ObjectDefinition = {
  name: 'users',
  singular: 'user',
  table: 'users',
  label: label('User', '用户'),
  pluralLabel: label('Users', '用户'),
  titleField: 'name',
  personName: true,
  owned: false,
  defaultSort: 'name',
  privateColumns: [{ name: 'password_hash', sqlType: 'text' }],
  fields: [
    { name: 'name', type: 'text', label: label('Name', '姓名'), required: true, searchable: true },
    { name: 'email', type: 'email', label: label('Email', '邮箱'), required: true, searchable: true },
    { name: 'phone', type: 'phone', label: label('Mobile', '手机') },
    { name: 'job_title', type: 'text', label: label('Job title', '职务'), maxLength: 100 },
    { name: 'role', type: 'single_select', label: label('Role', '角色'), options: ROLE_OPTIONS, required: true },
    { name: 'team_id', type: 'relation', target: 'teams', label: label('Team', '团队') },
    { name: 'manager_id', type: 'user', label: label('Manager', '上级') },
    { name: 'active', type: 'boolean', label: label('Active', '启用') },
    { name: 'locale', type: 'single_select', label: label('Language', '语言'), options: [
      { value: 'zh-CN', label: label('简体中文', '简体中文') },
      { value: 'en', label: label('English', 'English') },
    ] },
  ],
}
