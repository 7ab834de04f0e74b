import { defineMessages } from '../i18n/define-messages.ts'

export const authMessages = defineMessages({
  en: {
    'signIn.title': 'Sign in to Rapport',
    'signIn.submit': 'Sign in',
    'signIn.toSignUp': 'Create a new workspace',
    'signUp.title': 'Create a workspace',
    'signUp.submit': 'Create workspace',
    'signUp.toSignIn': 'I already have an account',
    'field.email': 'Email',
    'field.password': 'Password',
    'field.workspace': 'Company or team name',
    'field.name': 'Your name',
    'rule.required': 'Required',
    'rule.passwordLength': 'At least 8 characters',
    'tagline': 'Customers, deals and service in one place',
  },
  'zh-CN': {
    'signIn.title': '登录 Rapport',
    'signIn.submit': '登录',
    'signIn.toSignUp': '创建新的工作区',
    'signUp.title': '创建工作区',
    'signUp.submit': '创建工作区',
    'signUp.toSignIn': '已有账号，去登录',
    'field.email': '邮箱',
    'field.password': '密码',
    'field.workspace': '公司或团队名称',
    'field.name': '您的姓名',
    'rule.required': '必填',
    'rule.passwordLength': '至少 8 个字符',
    'tagline': '客户、商机与服务，一处掌握',
  },
})
