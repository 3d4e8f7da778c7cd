/**
 * Spellings that transliteration leaves apart but that name the same sound. Applied in this order
 * to a folded token (a-z only), both sides alike, then double letters are collapsed; two tokens
 * with the same result are a `variant` match. Order matters: a rule may feed a later one
 * ('sch' → 'sh' before 'kh', 'oy' → 'u' before 'y' → 'i', 'dj' → 'j' before 'j' → 'i').
 */
export const NAME_VARIANT_RULES: readonly { from: string; to: string; example: string }[] = [
  { from: 'sch', to: 'sh', example: 'Schulz / Shulz' },
  { from: 'tch', to: 'ch', example: 'Tchernov / Chernov' },
  { from: 'ph', to: 'f', example: 'Joseph / Josef, Stephan / Stefan' },
  { from: 'kh', to: 'h', example: 'Khaled / Haled, Mikhail / Mihail (Cyrillic х)' },
  { from: 'gh', to: 'g', example: 'Ghassan / Gassan' },
  { from: 'th', to: 't', example: 'Thomas / Tomas' },
  { from: 'dj', to: 'j', example: 'Djamel / Jamel' },
  { from: 'ou', to: 'u', example: 'Youssef / Yusef (French ou)' },
  { from: 'oy', to: 'u', example: 'Georgioy / Georgiou (Greek ου as the transliteration library writes it)' },
  { from: 'oo', to: 'u', example: 'Mahmood / Mahmud' },
  { from: 'ue', to: 'u', example: 'Mueller / Müller (ü written ue, as in an MRZ)' },
  { from: 'oe', to: 'o', example: 'Schroeder / Schröder' },
  { from: 'ae', to: 'a', example: 'Jaeger / Jäger' },
  { from: 'ck', to: 'k', example: 'Becker / Beker' },
  { from: 'q', to: 'k', example: 'Qasim / Kasim' },
  { from: 'w', to: 'v', example: 'Wladimir / Vladimir' },
  { from: 'x', to: 'ks', example: 'Alexei / Aleksei' },
  { from: 'y', to: 'i', example: 'Yusuf / Iusuf' },
  { from: 'j', to: 'i', example: 'Jusuf / Iusuf' },
];

/**
 * Particles dropped from the tokens compared and indexed, kept in the joined form (so Van der Berg
 * still equals Vanderberg). They are written, omitted, attached or capitalised at will (al-Rashid,
 * Rashid, Alrashid), so as tokens they add false partial matches between unrelated names sharing
 * 'al' or 'van', and as blocking keys they would make blocks of hundreds of thousands. A name
 * made only of particles keeps them.
 */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'al',
  'el',
  'ul',
  'abu',
  'bin',
  'bint',
  'ben',
  'ibn',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'ten',
  'zu',
  'de',
  'del',
  'della',
  'di',
  'da',
  'das',
  'dos',
  'do',
  'du',
  'la',
  'le',
  'y',
]);
