import doubleMetaphone from 'talisman/phonetics/double-metaphone';
import { transliterate } from 'transliteration';
import { NAME_PARTICLES, NAME_VARIANT_RULES } from './name-variants.data';
import { PersonMatchError } from './person-match.errors';

/** One word of a name, folded to a-z, with the forms the matcher compares and the index keys. */
export interface NameToken {
  /** Transliterated, diacritics stripped, lower case, letters only: 'Müller' → 'muller'. */
  readonly text: string;
  /** The text through NAME_VARIANT_RULES, double letters collapsed: 'mueller' → 'muler'. */
  readonly skeleton: string;
  /** Double-metaphone codes of two or more characters: one consonant ('L' for Li, Lee, Liu, Lai) says too little. */
  readonly phonetic: readonly string[];
  /** Without vowels, w, y and doubles: how Arabic or Hebrew script writes a name ('mhmd'). */
  readonly consonants: string;
}

export interface PersonName {
  /** The tokens compared and indexed, particles dropped unless the name has nothing else. */
  readonly tokens: readonly NameToken[];
  /** All folded tokens run together, particles included: 'van der Berg' and 'Vanderberg' meet here. */
  readonly joined: NameToken;
  /** Written in Arabic or Hebrew script: short vowels absent, so the consonants decide. */
  readonly abjad: boolean;
}

const ABJAD = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;
const MARKS = /\p{M}/gu;
const DOUBLES = /(.)\1+/g;

/**
 * Latin letters of a name, word by word: transliterated (Cyrillic, Greek, Arabic, ß, Ł, Ø …),
 * then NFKD with combining marks dropped for anything the transliteration left, lower-cased.
 * Apostrophes join (O'Brien → obrien, the hamza of أحمد vanishes); anything else not a-z splits.
 */
export function foldName(raw: string): string[] {
  const latin = transliterate(raw.normalize('NFC')).normalize('NFKD').replace(MARKS, '').toLowerCase();
  return latin
    .replace(/['`]/g, '')
    .split(/[^a-z]+/)
    .filter((word) => word.length > 0);
}

export function nameSkeleton(text: string): string {
  let skeleton = text;
  for (const { from, to } of NAME_VARIANT_RULES) skeleton = skeleton.replaceAll(from, to);
  return skeleton.replace(DOUBLES, '$1');
}

export function nameToken(text: string): NameToken {
  const codes = doubleMetaphone(text).filter((code) => code.length >= 2);
  return {
    text,
    skeleton: nameSkeleton(text),
    phonetic: [...new Set(codes)],
    consonants: text.replace(/[aeiouwy]/g, '').replace(DOUBLES, '$1'),
  };
}

/** The name as the matcher sees it; refuses a name with no letter, naming the field. */
export function personName(raw: string, field: string): PersonName {
  const words = foldName(raw);
  if (words.length === 0)
    throw new PersonMatchError('name-empty', `${field} has no letter once transliterated to Latin`, field);
  const meaningful = words.filter((word) => !NAME_PARTICLES.has(word));
  return {
    tokens: (meaningful.length > 0 ? meaningful : words).map(nameToken),
    joined: nameToken(words.join('')),
    abjad: ABJAD.test(raw),
  };
}
