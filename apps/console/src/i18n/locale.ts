import { createContext, useContext } from 'react';
import type { Locale } from '../api/session';

export const LOCALES: readonly Locale[] = ['en', 'fr', 'es', 'ar'];
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français', es: 'Español', ar: 'العربية' };

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/** The person's language and time zone (from their account; the browser's before sign-in). */
export interface LocaleSettings {
  locale: Locale;
  timeZone: string;
}

export const LocaleContext = createContext<LocaleSettings>({ locale: 'en', timeZone: 'UTC' });

export function useLocaleSettings(): LocaleSettings {
  return useContext(LocaleContext);
}
