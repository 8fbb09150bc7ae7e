/**
 * Korean (해요체 throughout the wizard; the message written for support is in 합니다체, as a
 * customer writes to a company). Phone labels in `os` are quoted as a Korean iPhone and a
 * Korean Pixel / Galaxy show them; the domain words are those in `terms`.
 */
import type { CoreMessages } from './en.js';

export const ko: CoreMessages = {
  locale: 'ko',
  languageLabel: '언어',
  title: '일본 eSIM 갱신하기',
  demoNotice: '데모 화면이에요. 실제로 결제되지 않아요.',
  progressLabel: '진행 상황',
  stepOf: (n: number, total: number, title: string) => `${total}단계 중 ${n}단계: ${title}`,
  stepDone: '완료',
  steps: {
    validity: '남은 기간',
    channel: '구매처',
    login: '로그인',
    plan: '요금제 선택',
    payment: '확인 및 결제',
    activation: '활성화',
    done: '완료',
    troubleshooting: '문제 해결',
    'shop-visit': '매장 방문',
  },
  nav: {
    back: '이전',
    next: '계속',
    retry: '다시 시도',
    restart: '처음부터 다시 하기',
    busy: '처리하는 중…',
  },
  platform: {
    legend: '내 휴대폰',
    ios: '아이폰',
    android: '안드로이드',
    pathLabel: '휴대폰에서:',
    or: '또는',
  },
  os: {
    ios: {
      settings: '설정',
      cellular: '셀룰러',
      yourEsim: '사용 중인 eSIM 회선',
    },
    android: {
      settings: '설정',
      networkInternet: '네트워크 및 인터넷',
      sims: 'SIM',
      yourEsim: '사용 중인 eSIM',
      connections: '연결',
      simManager: 'SIM 관리자',
    },
  },
  validity: {
    title: 'eSIM 기간이 얼마나 남았나요?',
    intro: '휴대폰 설정에서 회선별 상태와 남은 기간을 볼 수 있어요. 정확한 만료일은 eSIM 제공업체의 앱이나 웹사이트에서 확인하세요.',
    androidNote: '삼성 갤럭시라면 두 번째 경로를 따라 하세요.',
    legend: '무엇을 확인했나요?',
    modeDate: '만료일을 알아요',
    modeDays: '남은 일수를 알아요',
    modeUnknown: '잘 모르겠어요',
    dateLabel: '만료일',
    dateParts: { year: '연도', month: '월', day: '일' },
    daysLabel: '남은 일수',
    daysHint: '정수로 입력하세요. 예: 5',
    unknownNote: '괜찮아요. 로그인하면 정확한 날짜를 알려 드릴게요.',
    urgency: {
      expired: (days: number) => `요금제가 ${Math.abs(days)}일 전에 만료됐어요. 만료 직후에는 갱신할 수 있는 eSIM도 있으니 확인해 볼게요.`,
      'few-days': (days: number) =>
        days === 0 ? '요금제가 오늘 끝나요. 연결이 끊기지 않게 지금 갱신하세요.' : `${days}일밖에 안 남았어요. 연결이 끊기지 않게 오늘 갱신하세요.`,
      'within-month': (days: number) => `${days}일 남았어요. 지금 갱신해 두면 좋아요.`,
      plenty: (days: number) => `${days}일 남았어요. 서두르지 않아도 돼요. 지금 갱신해도 되고 나중에 해도 돼요.`,
      unknown: () => '로그인하면 정확한 남은 기간을 확인할게요.',
    },
  },
  fieldErrors: {
    required: '이 항목을 입력하세요.',
    'date-invalid': '올바른 날짜를 입력하세요.',
    'date-incomplete': '연도, 월, 일을 모두 입력하세요.',
    'date-too-far': '10년보다 더 먼 날짜예요. 연도를 확인하세요.',
    'days-invalid': '일수는 0부터 3650 사이의 정수로 입력하세요.',
    'mode-required': '하나를 선택하세요.',
  },
};
