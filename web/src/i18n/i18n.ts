// Language selection and message lookup: one typed catalogue per language, `{name}` placeholders.
// Limits: three languages (en, nl, es); the language comes from the URL, not the browser.

import { createContext, useContext } from 'react';
import type { Lang } from '../api/types.ts';
import { en, type MessageKey, type Messages } from './messages-en.ts';
import { es } from './messages-es.ts';
import { nl } from './messages-nl.ts';

export type { MessageKey };
export const LANG_OPTIONS: readonly Lang[] = ['en', 'nl', 'es'];
export const LANG_LABELS: Readonly<Record<Lang, string>> = {
  en: 'English',
  nl: 'Nederlands',
  es: 'Español',
};

const CATALOGUES: Readonly<Record<Lang, Messages>> = { en, nl, es };

export type Vars = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export function isLang(v: string | null): v is Lang {
  return v !== null && (LANG_OPTIONS as readonly string[]).includes(v);
}

export function translator(lang: Lang): Translate {
  const cat = CATALOGUES[lang];
  return (key, vars) =>
    cat[key].replace(/\{(\w+)\}/g, (m, name: string) =>
      vars && name in vars ? String(vars[name]) : m,
    );
}

export interface I18n {
  readonly lang: Lang;
  readonly t: Translate;
}

export const I18nContext = createContext<I18n>({ lang: 'en', t: translator('en') });

export function useI18n(): I18n {
  return useContext(I18nContext);
}
