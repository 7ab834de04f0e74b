import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import i18next from 'i18next'

/** Date pickers speak the interface language; loaded with the editors, not the first screen. */
const apply = (language: string) => dayjs.locale(language === 'en' ? 'en' : 'zh-cn')
apply(i18next.language)
i18next.on('languageChanged', apply)
