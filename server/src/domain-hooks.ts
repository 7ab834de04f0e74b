// Every module's record hooks, loaded with the write pipeline so no write path can miss one.
import './auth/user-hooks.ts'
import './activities/activity-hooks.ts'
import './duplicates/duplicate-hooks.ts'
import './quality/stage-rule-hooks.ts'
