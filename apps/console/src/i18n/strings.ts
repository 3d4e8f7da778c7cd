import type { Locale } from '../api/session';
import { useLocaleSettings } from './locale';

/**
 * One area's strings in every language, checked by the compiler: a key missing in one language
 * does not build. Each area keeps its own catalog (`<area>.strings.ts`) beside its pages.
 */
export type Catalog<K extends string> = Record<Locale, Record<K, string>>;

export type Translate<K extends string> = (key: K, values?: Record<string, string | number>) => string;

/** Fills "{name}" placeholders; a value that is missing leaves its placeholder visible. */
export function translate<K extends string>(
  catalog: Catalog<K>,
  locale: Locale,
  key: K,
  values: Record<string, string | number> = {},
): string {
  return catalog[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** The strings of one catalog in the person's language. */
export function useStrings<K extends string>(catalog: Catalog<K>): Translate<K> {
  const { locale } = useLocaleSettings();
  return (key, values) => translate(catalog, locale, key, values);
}

/** One key in every language: a navigation label (ConsoleRoute.label) taken from an area's catalog. */
export function inEveryLocale<K extends string>(catalog: Catalog<K>, key: K): Record<Locale, string> {
  return { en: catalog.en[key], fr: catalog.fr[key], es: catalog.es[key], ar: catalog.ar[key] };
}
