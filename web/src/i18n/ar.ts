import type { PartialTranslation } from './en';
import { messagingAr } from './messaging/ar';

/**
 * Arabic: a skeleton to prove the right-to-left layout. Missing keys fall back
 * to English; translators complete this file.
 */
export const ar: PartialTranslation = {
  app: { subtitle: 'الشبكة الوطنية لإنفاذ القانون الجمركي' },
  common: { loading: 'جارٍ التحميل…', cancel: 'إلغاء', save: 'حفظ', retry: 'إعادة المحاولة' },
  nav: {
    label: 'التنقل الرئيسي',
    home: 'الرئيسية',
    messages: 'الرسائل',
    unread: 'غير المقروءة: {{count}}',
    seizures: 'المضبوطات',
    registers: 'السجلات',
    administration: 'الإدارة',
    users: 'المستخدمون',
    units: 'الوحدات',
    codelists: 'قوائم الرموز',
    audit: 'سجل التدقيق',
    account: 'حسابي',
  },
  header: { languageLabel: 'اللغة', help: 'مساعدة', signOut: 'تسجيل الخروج' },
  signin: {
    title: 'تسجيل الدخول',
    username: 'اسم المستخدم',
    password: 'كلمة المرور',
    submit: 'تسجيل الدخول',
    invalid: 'اسم المستخدم أو كلمة المرور غير صحيحة.',
  },
  seizures: {
    history: {
      actions: { record_update: 'تصحيح سجل مرتبط' },
      recordKinds: { person: 'شخص', company: 'شركة', conveyance: 'وسيلة نقل' },
    },
    messages: {
      title: 'الرسائل المتعلقة بهذه القضية',
      sendWarning: 'إرسال تنبيه',
      sendSeizure: 'إرسال رسالة ضبط',
      none: 'لا تشارك في أي محادثة بشأن هذه القضية.',
    },
    actions: {
      fourEyes: 'لقد أنشأت هذه القضية أو عدّلتها أو قدّمتها، لذا يجب أن يصادق عليها مشرف آخر (مبدأ العينين الأربع).',
    },
  },
  registers: {
    correctionLocked: 'هذا السجل مرتبط بقضية مُصادق عليها تابعة لوحدة أخرى: لا يمكن تصحيحه إلا من قِبل مشرف في تلك الوحدة.',
    history: {
      title: 'سجل التغييرات',
      label: 'التغييرات على هذا السجل، الأحدث أولاً',
      empty: 'لا توجد تغييرات مسجّلة.',
      actions: { create: 'إنشاء', update: 'تصحيح' },
    },
  },
  errors: {
    codes: {
      validated_elsewhere: 'هذا السجل مرتبط بقضية مُصادق عليها تابعة لوحدة أخرى: لا يمكن تصحيحه إلا من قِبل مشرف في تلك الوحدة.',
    },
  },
  ...messagingAr,
};
