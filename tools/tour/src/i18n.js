// The visitor's language: Vietnamese first (the centre's own), English for visitors from abroad.
// Texts from tour.json come as {vi, en}; the app's own words live here.

const WORDS = {
  vi: {
    loading: 'Đang tải…',
    preparing: 'Đang chuẩn bị không gian…',
    load_failed: 'Không tải được chuyến tham quan',
    file_hint: 'Hãy mở thư mục này qua một máy chủ web (ví dụ: python3 -m http.server), không mở trực tiếp tệp.',
    language: 'Ngôn ngữ',
    other_language: 'English',
    places: 'Các điểm tham quan',
    previous: 'Điểm trước',
    next: 'Điểm tiếp',
    close: 'Đóng',
    help: 'Hướng dẫn',
    help_mouse: 'Kéo chuột để nhìn quanh · W A S D hoặc phím mũi tên để đi',
    help_touch: 'Vuốt để nhìn quanh · chụm/mở hai ngón để đi tới, lui',
    help_click: 'Chạm vào nền để đi tới đó · chạm vào sản phẩm để xem thông tin',
    you_are_in: 'Bạn đang ở',
    producer: 'Nhà sản xuất',
    origin: 'Xuất xứ',
    size: 'Kích thước',
    stars: (n) => `Sản phẩm OCOP ${n} sao`,
    view_3d: 'Xem mô hình 3D',
    detail_hint: 'Kéo để xoay · cuộn hoặc chụm để phóng to',
    model_failed: 'Không tải được mô hình 3D',
  },
  en: {
    loading: 'Loading…',
    preparing: 'Preparing the centre…',
    load_failed: 'The tour could not be loaded',
    file_hint: 'Open this folder through a web server (for example python3 -m http.server), not as a file.',
    language: 'Language',
    other_language: 'Tiếng Việt',
    places: 'Places to visit',
    previous: 'Previous stop',
    next: 'Next stop',
    close: 'Close',
    help: 'How to move',
    help_mouse: 'Drag to look around · W A S D or the arrow keys to walk',
    help_touch: 'Swipe to look around · pinch to walk forwards and back',
    help_click: 'Tap the floor to walk there · tap a product for its card',
    you_are_in: 'You are in',
    producer: 'Producer',
    origin: 'From',
    size: 'Size',
    stars: (n) => `${n}-star OCOP product`,
    view_3d: 'View in 3D',
    detail_hint: 'Drag to turn · scroll or pinch to zoom',
    model_failed: 'The 3D model could not be loaded',
  },
};

// Catalogue categories (ocop-catalogue/1) in both languages; unknown ones are shown as written.
const CATEGORIES = {
  ceramics: { vi: 'Gốm sứ', en: 'Ceramics' },
  lacquer: { vi: 'Sơn mài', en: 'Lacquerware' },
  'mother-of-pearl': { vi: 'Khảm trai', en: 'Mother-of-pearl inlay' },
  silk: { vi: 'Lụa', en: 'Silk' },
  'ao-dai': { vi: 'Áo dài', en: 'Áo dài' },
  food: { vi: 'Thực phẩm', en: 'Food' },
  rattan: { vi: 'Mây tre đan', en: 'Rattan and bamboo' },
  wood: { vi: 'Đồ gỗ', en: 'Woodwork' },
};

export const LANGUAGES = ['vi', 'en'];
const STORAGE_KEY = 'ocop-tour-language';

let current = initialLanguage();
const listeners = [];

function initialLanguage() {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (LANGUAGES.includes(fromUrl)) return fromUrl;
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (LANGUAGES.includes(saved)) return saved;
  } catch {
    // Storage may be off (private windows, file://): the default is fine.
  }
  return 'vi';
}

export function language() {
  return current;
}

export function otherLanguage() {
  return current === 'vi' ? 'en' : 'vi';
}

export function setLanguage(lang) {
  if (!LANGUAGES.includes(lang) || lang === current) return;
  current = lang;
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not remembered: harmless
  }
  document.documentElement.lang = lang;
  for (const f of listeners) f(lang);
}

export function onLanguageChange(f) {
  listeners.push(f);
}

// One of the app's own words; functions take arguments (counts).
export function t(key, ...args) {
  const w = WORDS[current][key] ?? WORDS.en[key] ?? key;
  return typeof w === 'function' ? w(...args) : w;
}

// A {vi, en} text from tour.json in the current language, falling back to the other one.
export function pick(text, lang = current) {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text.vi ?? text.en ?? '';
}

export function categoryName(category) {
  const c = CATEGORIES[category];
  return c ? c[current] : category ?? '';
}

// Prices: tour.json carries the Vietnamese form ("1.250.000 ₫"); English readers get "₫1,250,000".
export function formatPrice(product) {
  if (current === 'vi' && product.price) return product.price;
  if (typeof product.price_vnd !== 'number') return product.price ?? '';
  try {
    return new Intl.NumberFormat(current === 'vi' ? 'vi-VN' : 'en-GB', {
      style: 'currency',
      currency: 'VND',
      maximumFractionDigits: 0,
    }).format(product.price_vnd);
  } catch {
    return product.price ?? `${product.price_vnd} VND`;
  }
}

// Every element with data-i18n="key" shows that word; data-i18n-title / -label set attributes.
export function translatePage(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
}

document.documentElement.lang = current;
