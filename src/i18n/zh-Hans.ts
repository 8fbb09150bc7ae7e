/**
 * 简体中文（中国大陆）。手机设置的名称按中文 iPhone / Pixel / 三星手机上实际显示的文字引用。
 */
import type { CoreMessages } from './en.js';

export const zhHans: CoreMessages = {
  locale: 'zh-Hans',
  languageLabel: '语言',
  title: '日本 eSIM 续费',
  demoNotice: '演示版本，不会真实扣款。',
  progressLabel: '进度',
  stepOf: (n: number, total: number, title: string) => `第 ${n} 步，共 ${total} 步：${title}`,
  stepDone: '已完成',
  steps: {
    validity: '剩余时间',
    channel: '购买渠道',
    login: '登录',
    plan: '选择套餐',
    payment: '确认并支付',
    activation: '激活',
    done: '完成',
    troubleshooting: '故障排查',
    'shop-visit': '到店办理',
  },
  nav: {
    back: '返回',
    next: '继续',
    retry: '重试',
    restart: '重新开始',
    busy: '正在处理…',
  },
  platform: {
    legend: '你的手机',
    ios: '苹果 iPhone',
    android: '安卓手机',
    pathLabel: '在手机上依次打开：',
    or: '或',
  },
  os: {
    ios: {
      settings: '设置',
      cellular: '蜂窝网络',
      yourEsim: '你的 eSIM 号码',
    },
    android: {
      settings: '设置',
      networkInternet: '网络和互联网',
      sims: 'SIM 卡',
      yourEsim: '你的 eSIM',
      connections: '连接',
      simManager: 'SIM 卡管理器',
    },
  },
  validity: {
    title: '你的 eSIM 还能用多久？',
    intro: '手机上可以看到每个号码的状态和剩余时间；准确的到期日期请在服务商的 App 或网站上查看。',
    androidNote: '三星手机请按第二条路径查看。',
    legend: '你查到了什么？',
    modeDate: '我知道到期日期',
    modeDays: '我知道还剩几天',
    modeUnknown: '我不清楚',
    dateLabel: '到期日期',
    dateParts: { year: '年', month: '月', day: '日' },
    daysLabel: '剩余天数',
    daysHint: '填整数，例如 5。',
    unknownNote: '没关系，登录后我们会显示准确的到期日期。',
    urgency: {
      expired: (days: number) => `套餐已过期 ${Math.abs(days)} 天。部分 eSIM 过期后的短时间内仍可续费，我们来帮你查一下。`,
      'few-days': (days: number) => (days === 0 ? '套餐今天到期，现在续费就不会断网。' : `只剩 ${days} 天了，建议今天就续费，以免断网。`),
      'within-month': (days: number) => `还剩 ${days} 天，现在续费正合适。`,
      plenty: (days: number) => `还剩 ${days} 天，不着急，现在或以后续费都可以。`,
      unknown: () => '登录后我们会帮你查询准确的剩余时间。',
    },
  },
  fieldErrors: {
    required: '请填写此项。',
    'date-invalid': '请输入有效的日期。',
    'date-incomplete': '请填写年、月、日。',
    'date-too-far': '这个日期在 10 年以后，请检查年份。',
    'days-invalid': '请输入 0 到 3650 之间的整数天数。',
    'mode-required': '请选择一项。',
  },
};
