/**
 * 繁體中文（以台灣用語為準，香港讀者也能看懂）。手機設定的名稱按台灣版 iPhone / Pixel / 三星手機上實際顯示的文字引用。
 */
import type { CoreMessages } from './en.js';

export const zhHant: CoreMessages = {
  locale: 'zh-Hant',
  languageLabel: '語言',
  title: '日本 eSIM 加值續用',
  demoNotice: '示範版本，不會實際扣款。',
  progressLabel: '進度',
  stepOf: (n: number, total: number, title: string) => `步驟 ${n}/${total}：${title}`,
  stepDone: '已完成',
  steps: {
    validity: '剩餘時間',
    channel: '購買管道',
    login: '登入',
    plan: '選擇方案',
    payment: '確認並付款',
    activation: '開通',
    done: '完成',
    troubleshooting: '疑難排解',
    'shop-visit': '門市辦理',
  },
  nav: {
    back: '上一步',
    next: '繼續',
    retry: '再試一次',
    restart: '重新開始',
    busy: '處理中…',
  },
  platform: {
    legend: '你的手機',
    ios: '蘋果 iPhone',
    android: 'Android 手機',
    pathLabel: '在手機上依序點選：',
    or: '或',
  },
  os: {
    ios: {
      settings: '設定',
      cellular: '行動服務',
      yourEsim: '你的 eSIM 號碼',
    },
    android: {
      settings: '設定',
      networkInternet: '網路和網際網路',
      sims: 'SIM 卡',
      yourEsim: '你的 eSIM',
      connections: '連接',
      simManager: 'SIM 卡管理員',
    },
  },
  validity: {
    title: '你的 eSIM 還能用多久？',
    intro: '手機上可以看到每個號碼的狀態和剩餘時間；確切的到期日請到供應商的 App 或網站查看。',
    androidNote: '三星手機請參考第二條路徑。',
    legend: '你查到了什麼？',
    modeDate: '我知道到期日',
    modeDays: '我知道還剩幾天',
    modeUnknown: '我不確定',
    dateLabel: '到期日',
    dateParts: { year: '年', month: '月', day: '日' },
    daysLabel: '剩餘天數',
    daysHint: '請輸入整數，例如 5。',
    unknownNote: '沒關係，登入後就會顯示確切的到期日。',
    urgency: {
      expired: (days: number) => `方案已過期 ${Math.abs(days)} 天。有些 eSIM 過期後短時間內仍可加值，我們幫你確認一下。`,
      'few-days': (days: number) => (days === 0 ? '方案今天到期，現在加值就不會斷線。' : `只剩 ${days} 天了，建議今天就加值，以免斷線。`),
      'within-month': (days: number) => `還剩 ${days} 天，現在加值正是時候。`,
      plenty: (days: number) => `還剩 ${days} 天，不急，現在或之後再加值都可以。`,
      unknown: () => '登入後會幫你查詢確切的剩餘時間。',
    },
  },
  fieldErrors: {
    required: '請填寫此欄位。',
    'date-invalid': '請輸入有效的日期。',
    'date-incomplete': '請填寫年、月、日。',
    'date-too-far': '這個日期在 10 年以後，請確認年份。',
    'days-invalid': '請輸入 0 到 3650 之間的整數天數。',
    'mode-required': '請選擇一個選項。',
  },
};
