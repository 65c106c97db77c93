// Every text of the pages comes from i18n/<lang>.json; Simplified Chinese unless the user switched.
const LANGS = ['zh-CN', 'en'];
let messages = {};

export function lang() {
  const chosen = localStorage.getItem('ow.lang');
  return LANGS.includes(chosen) ? chosen : 'zh-CN';
}

export async function load(base) {
  const answer = await fetch(`${base}/i18n/${lang()}.json`, { cache: 'no-cache' });
  messages = await answer.json();
  document.documentElement.lang = lang();
}

export function switchLang() {
  localStorage.setItem('ow.lang', lang() === 'zh-CN' ? 'en' : 'zh-CN');
  location.reload();
}

export function t(key, vars = {}) {
  const text = messages[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => vars[name] ?? '');
}
