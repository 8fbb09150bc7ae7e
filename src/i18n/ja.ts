/**
 * Japanese (です・ます調). Phone labels in `os` are quoted as a Japanese iPhone and a
 * Japanese Pixel / Galaxy show them; the domain words are those in `terms`.
 */
import type { CoreMessages } from './en.js';

export const ja: CoreMessages = {
  locale: 'ja',
  languageLabel: '言語',
  title: '日本のeSIMを更新',
  demoNotice: 'デモ版です。実際の支払いは発生しません。',
  progressLabel: '進行状況',
  stepOf: (n: number, total: number, title: string) => `ステップ ${n}/${total}：${title}`,
  stepDone: '完了',
  steps: {
    validity: '残り期間',
    channel: '購入場所',
    login: 'ログイン',
    plan: 'プラン選択',
    payment: '確認とお支払い',
    activation: '有効化',
    done: '完了',
    troubleshooting: 'トラブル解決',
    'shop-visit': 'ショップで手続き',
  },
  nav: {
    back: '戻る',
    next: '次へ',
    retry: 'もう一度試す',
    restart: '最初からやり直す',
    busy: '処理しています…',
  },
  platform: {
    legend: 'お使いのスマホ',
    ios: 'iPhoneの場合',
    android: 'Androidの場合',
    pathLabel: 'スマホでの操作：',
    or: 'または',
  },
  os: {
    ios: {
      settings: '設定',
      cellular: 'モバイル通信',
      yourEsim: 'お使いのeSIM回線',
    },
    android: {
      settings: '設定',
      networkInternet: 'ネットワークとインターネット',
      sims: 'SIM',
      yourEsim: 'お使いのeSIM',
      connections: '接続',
      simManager: 'SIMマネージャー',
    },
  },
  validity: {
    title: 'eSIMの残り期間はどのくらいですか？',
    intro: 'スマホの設定で、回線ごとの状態と残り期間を確認できます。正確な期限日は、eSIM提供会社のアプリやウェブサイトでご確認ください。',
    androidNote: 'Galaxy（Samsung）の場合は、2つ目の手順をご覧ください。',
    legend: '確認できた内容を選んでください',
    modeDate: '有効期限の日付がわかる',
    modeDays: '残りの日数がわかる',
    modeUnknown: 'わからない',
    dateLabel: '有効期限',
    dateParts: { year: '年', month: '月', day: '日' },
    daysLabel: '残り日数',
    daysHint: '整数で入力してください（例：5）。',
    unknownNote: '大丈夫です。ログインしたあとで、正確な日付をお知らせします。',
    urgency: {
      expired: (days: number) => `プランの期限が${Math.abs(days)}日前に切れています。期限切れの直後なら更新できるeSIMもあるので、確認してみましょう。`,
      'few-days': (days: number) =>
        days === 0
          ? 'プランは今日で終了します。つながらなくなる前に、今すぐ更新しましょう。'
          : `残りあと${days}日です。通信が途切れないよう、今日のうちに更新しましょう。`,
      'within-month': (days: number) => `残り${days}日です。そろそろ更新しておくと安心です。`,
      plenty: (days: number) => `残り${days}日あるので、急がなくて大丈夫です。今でも後からでも更新できます。`,
      unknown: () => 'ログインしたときに、正確な残り期間を確認します。',
    },
  },
  fieldErrors: {
    required: 'この項目を入力してください。',
    'date-invalid': '正しい日付を入力してください。',
    'date-incomplete': '年・月・日をすべて入力してください。',
    'date-too-far': '10年以上先の日付になっています。年を確認してください。',
    'days-invalid': '日数は0〜3650の整数で入力してください。',
    'mode-required': 'いずれかを選んでください。',
  },
};
