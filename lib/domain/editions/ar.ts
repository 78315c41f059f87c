import { plural } from './plural';
import type { EditionConfig } from './types';

/**
 * Western digits, pinned: the reference newsroom's Arabic site prints them, so do readers in
 * the Maghreb, and the dates in our URLs use them. Pinning the numbering system (`-u-nu-latn`)
 * also keeps the server's ICU and every browser's printing the same digits, so a date an
 * island prints never differs from the server's render (decision 014).
 */
const locale = 'ar-u-nu-latn';

/**
 * A Latin name (the publication's, a search query) set inside Arabic text is wrapped in
 * first-strong isolates, so that plain-text places — titles, feeds, share cards — display it
 * in the right order, as `<bdi>` does in the page.
 */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** The Arabic edition, right to left. */
export const arabic = {
  id: 'ar',
  lang: 'ar',
  dir: 'rtl',
  locale,
  timeZone: 'Europe/Paris',
  name: 'العربية',
  ogLocale: 'ar_AR',
  strings: {
    editionsLabel: 'النسخ',
    translationsHeading: 'بلغات أخرى',
    skipToContent: 'انتقل إلى المحتوى الرئيسي',
    siteNavigationLabel: 'الأقسام',
    menu: 'القائمة',
    home: 'الرئيسية',
    byPrefix: 'بقلم',
    published: 'نُشر في',
    updated: 'آخر تحديث',
    correctionsLabel: 'تصحيحات',
    correction: (date) => `تصحيح، ${date}:`,
    quotes: { open: '«', close: '»' },
    imageCaptionPrefix: 'تعليق الصورة، ',
    illustrationCredit: `رسم توضيحي: ${isolate('{credit}')}`,
    imageCreditPrefix: 'مصدر الصورة، ',
    tags: 'مواضيع',
    latestStories: 'آخر الأخبار',
    notFoundTitle: 'الصفحة غير موجودة',
    notFoundMessage: 'المحتوى الذي طلبته غير موجود أو لم يعد متاحًا.',
    goneTitle: 'سُحب هذا المقال',
    goneMessage: (publication) => `سحبت ${isolate(publication)} هذا المقال ولم يعد متاحًا. قد تهمّك هذه المقالات.`,
    notFoundBackHome: 'العودة إلى الصفحة الرئيسية',
    storeUnavailableTitle: 'هذه الصفحة غير متاحة مؤقتًا',
    storeUnavailableMessage:
      'يتعذر علينا الوصول إلى أرشيف غرفة الأخبار في الوقت الحالي. قد تظل المقالات التي فتحتها مؤخرًا متاحة؛ يُرجى المحاولة مجددًا بعد دقيقة.',
    tryAgain: 'حاول مجددًا',
    serverBusyTitle: 'عدد كبير من القراء في آن واحد',
    serverBusyMessage: 'يقرأ عدد كبير من الناس موقعنا في هذه اللحظة، ولم نتمكن من الرد عليك. يُرجى المحاولة مجددًا بعد بضع ثوانٍ.',
    siteTagline: 'أخبار العالم، بعناية ودقة.',
    homeHeading: (publication) => `${isolate(publication)}: آخر أخبار العالم`,
    homeDescription: (publication) => `${isolate(publication)}: آخر أخبار العالم، مع مراسلينا في أوروبا والشرق الأوسط وأفريقيا والأمريكيتين.`,
    aboutTitle: (publication) => `من نحن في ${isolate(publication)}`,
    aboutDescription: (publication) => `من نحن، وكيف ينقل ${isolate(publication)} الأخبار ويصحّحها ويسحبها.`,
    aboutBody: (publication) => [
      `${isolate(publication)} موقع إخباري دولي. يعمل صحافيونا ومحررونا من مكاتب في أوروبا والشرق الأوسط وأفريقيا والأمريكيتين، ونذكر في أسفل كل مقال الوكالات التي نعتمد على تقاريرها.`,
      'نولي التصحيحات أهمية كبيرة. حين يتضمن مقال خطأً نصححه ونعلن ذلك، وحين يتعذر تصحيحه نسحبه، ويُبلغ عنوانه القراء ومحركات البحث بأنه لم يعد متاحًا.',
    ],
    topStories: 'أبرز الأخبار',
    latest: 'الأحدث',
    moreFrom: (section) => `المزيد من ${section}`,
    paginationLabel: 'الصفحات',
    newerStories: 'مقالات أحدث',
    olderStories: 'مقالات أقدم',
    pageNumber: (page) => `الصفحة ${page}`,
    tagEyebrow: 'موضوع',
    authorEyebrow: 'صحافي',
    storiesTagged: (tag) => `مقالات عن ${tag}`,
    storiesBy: (author) => `مقالات ${author}`,
    breadcrumbLabel: 'مسار التنقل',
    relatedStories: 'مقالات ذات صلة',
    searchLabel: 'ابحث في المقالات',
    searchButton: 'بحث',
    searchTitle: 'البحث',
    searchPrompt: 'ابحث في مقالاتنا بكلمة أو اسم أو مكان.',
    searchResults: (count, query) =>
      plural(locale, count, {
        zero: `لا مقالات تطابق «${isolate(query)}»`,
        one: `مقال واحد يطابق «${isolate(query)}»`,
        two: `مقالان يطابقان «${isolate(query)}»`,
        few: `{count} مقالات تطابق «${isolate(query)}»`,
        many: `{count} مقالًا يطابق «${isolate(query)}»`,
        other: `{count} مقال يطابق «${isolate(query)}»`,
      }),
    searchResultsMore: (count, query) => plural(locale, count, { other: `أكثر من {count} مقال يطابق «${isolate(query)}»: أحدث {count} منها، الأقرب أولًا` }),
    searchNoResults: (query) => `لا توجد مقالات تطابق «${isolate(query)}».`,
    searchNoResultsHint: 'تحقق من الإملاء، أو جرّب كلمات أقل أو أعم.',
    suggestionsHeading: 'هل كنت تبحث عن أحد هذه المقالات؟',
    newStories: {
      zero: 'لا مقالات جديدة',
      one: 'اعرض مقالًا جديدًا',
      two: 'اعرض مقالين جديدين',
      few: 'اعرض {count} مقالات جديدة',
      many: 'اعرض {count} مقالًا جديدًا',
      other: 'اعرض {count} مقال جديد',
    },
    newUpdates: {
      zero: 'لا تحديثات جديدة',
      one: 'اعرض تحديثًا جديدًا',
      two: 'اعرض تحديثين جديدين',
      few: 'اعرض {count} تحديثات جديدة',
      many: 'اعرض {count} تحديثًا جديدًا',
      other: 'اعرض {count} تحديث جديد',
    },
    loadMore: 'حمّل مزيدًا من المقالات',
    loadingMore: 'جارٍ تحميل مزيد من المقالات…',
    moreStoriesLoaded: {
      zero: 'لم يُحمَّل أي مقال',
      one: 'حُمّل مقال إضافي',
      two: 'حُمّل مقالان إضافيان',
      few: 'حُمّلت {count} مقالات إضافية',
      many: 'حُمّل {count} مقالًا إضافيًا',
      other: 'حُمّل {count} مقال إضافي',
    },
    noMoreStories: 'وصلت إلى أقدم المقالات.',
    live: 'مباشر',
    liveUpdates: 'تغطية مباشرة',
    liveEnded: 'انتهت تغطيتنا المباشرة لهذا الحدث.',
    breakingNews: 'عاجل',
    printedFrom: 'طُبع من',
    footerAbout: 'من نحن',
    footerSections: 'جميع الأقسام',
    copyright: (year, publication) => `© ${year} ${isolate(publication)}`,
    sourceCredit: (publication, credit) => `(${isolate(publication)} ${credit})`,
    videoCaptionPrefix: 'تعليق الفيديو، ',
    audioCaptionPrefix: 'تعليق التسجيل الصوتي، ',
    transcript: 'النص الكامل',
    captionLanguageNames: { en: 'الإنجليزية', fr: 'الفرنسية', ar: 'العربية' },
    mediaFallback: 'لا يستطيع متصفحك تشغيله هنا: نزّل الملف',
    mediaDuration: (minutes, seconds) => (minutes ? `${minutes} دقيقة و${seconds} ثانية` : `${seconds} ثانية`),
    mediaProcessing: 'يجري إعداد نسخة أخف من هذا الفيديو.',
    embedFrom: 'محتوى من {provider}',
    embedOpen: 'شاهده على {provider}',
    embedLoad: 'اعرضه هنا',
    embedNotice: 'عرضه هنا يحمّل {provider}، الذي قد يضع ملفات تعريف الارتباط ويعرف أنك زرت هذه الصفحة.',
  },
} satisfies EditionConfig;
