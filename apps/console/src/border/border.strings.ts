import type { Catalog } from '../i18n/strings';

type Key =
  | 'documentCheck'
  | 'personCheck'
  | 'hits'
  | 'entry'
  | 'typed'
  | 'mrz'
  | 'documentNumber'
  | 'issuingCountry'
  | 'mrzLines'
  | 'mrzHint'
  | 'place'
  | 'placeHint'
  | 'check'
  | 'checking'
  | 'answer'
  | 'hit'
  | 'noHit'
  | 'undetermined'
  | 'undeterminedWhy'
  | 'replicaAge'
  | 'replicaNever'
  | 'replicaIncomplete'
  | 'owner'
  | 'status'
  | 'answerBy'
  | 'notified'
  | 'notificationFailed'
  | 'familyName'
  | 'givenNames'
  | 'dateOfBirth'
  | 'nationality'
  | 'matches'
  | 'score'
  | 'reasons'
  | 'remaining'
  | 'awaiting'
  | 'overdue'
  | 'confirmed'
  | 'corrected'
  | 'not-confirmed'
  | 'late'
  | 'noHits'
  | 'checkedAt'
  | 'record'
  | 'documentRecord'
  | 'personRecord'
  | 'minutes';

export const BORDER_STRINGS: Catalog<Key> = {
  en: {
    documentCheck: 'Document check',
    personCheck: 'Person check',
    hits: 'My hits',
    entry: 'How the document is entered',
    typed: 'Typed',
    mrz: 'MRZ',
    documentNumber: 'Document number',
    issuingCountry: 'Issuing country (two letters)',
    mrzLines: 'Machine-readable zone (2 or 3 lines)',
    mrzHint: 'Paste the lines, or scan them with a reader that types them here. Camera scanning is not offered.',
    place: 'Place of the check',
    placeHint: 'Your border post when left empty: {post}',
    check: 'Check',
    checking: 'Checking…',
    answer: 'Answer',
    hit: 'HIT',
    noHit: 'No hit',
    undetermined: 'Undetermined',
    undeterminedWhy:
      'The evaluator could not be reached: this is not a no-hit. Check again or follow your fallback procedure.',
    replicaAge: 'Replica current as of {at} ({minutes} min ago)',
    replicaNever: 'The replica has never been current',
    replicaIncomplete: 'The replica is still being filled',
    owner: 'Owner',
    status: 'Status',
    answerBy: 'Owner must confirm by',
    notified: 'The owner has been notified',
    notificationFailed: 'The owner could not be notified: tell your bureau',
    familyName: 'Family name',
    givenNames: 'Given names',
    dateOfBirth: 'Date of birth (YYYY-MM-DD)',
    nationality: 'Nationality (two letters)',
    matches: 'Matches',
    score: 'Score',
    reasons: 'Why',
    remaining: '{time} left',
    awaiting: 'Awaiting the owner',
    overdue: 'Overdue: the owner has not answered',
    confirmed: 'Confirmed by the owner',
    corrected: 'Corrected by the owner',
    'not-confirmed': 'Not confirmed by the owner',
    late: 'answered late',
    noHits: 'No hit from checks made here yet.',
    checkedAt: 'Checked at',
    record: 'Record',
    documentRecord: 'Document issued by {country}',
    personRecord: 'Person: {reference}',
    minutes: 'min',
  },
  fr: {
    documentCheck: 'Contrôle de document',
    personCheck: 'Contrôle de personne',
    hits: 'Mes concordances',
    entry: 'Saisie du document',
    typed: 'Saisi',
    mrz: 'MRZ',
    documentNumber: 'Numéro du document',
    issuingCountry: "Pays d'émission (deux lettres)",
    mrzLines: 'Zone de lecture automatique (2 ou 3 lignes)',
    mrzHint:
      "Collez les lignes, ou lisez-les avec un lecteur qui les saisit ici. La lecture par caméra n'est pas proposée.",
    place: 'Lieu du contrôle',
    placeHint: 'Votre poste frontière si vide : {post}',
    check: 'Contrôler',
    checking: 'Contrôle…',
    answer: 'Réponse',
    hit: 'CONCORDANCE',
    noHit: 'Aucune concordance',
    undetermined: 'Indéterminé',
    undeterminedWhy:
      "L'évaluateur est injoignable : ce n'est pas une absence de concordance. Recommencez ou suivez la procédure de repli.",
    replicaAge: 'Réplique à jour au {at} (il y a {minutes} min)',
    replicaNever: "La réplique n'a jamais été à jour",
    replicaIncomplete: 'La réplique est encore en cours de remplissage',
    owner: 'Propriétaire',
    status: 'Statut',
    answerBy: 'Confirmation attendue avant',
    notified: 'Le propriétaire a été notifié',
    notificationFailed: "Le propriétaire n'a pas pu être notifié : prévenez votre bureau",
    familyName: 'Nom de famille',
    givenNames: 'Prénoms',
    dateOfBirth: 'Date de naissance (AAAA-MM-JJ)',
    nationality: 'Nationalité (deux lettres)',
    matches: 'Correspondances',
    score: 'Score',
    reasons: 'Pourquoi',
    remaining: 'encore {time}',
    awaiting: 'En attente du propriétaire',
    overdue: "Délai dépassé : le propriétaire n'a pas répondu",
    confirmed: 'Confirmé par le propriétaire',
    corrected: 'Corrigé par le propriétaire',
    'not-confirmed': 'Non confirmé par le propriétaire',
    late: 'réponse tardive',
    noHits: "Aucune concordance pour les contrôles faits ici pour l'instant.",
    checkedAt: 'Contrôlé le',
    record: 'Fiche',
    documentRecord: 'Document émis par {country}',
    personRecord: 'Personne : {reference}',
    minutes: 'min',
  },
  es: {
    documentCheck: 'Control de documento',
    personCheck: 'Control de persona',
    hits: 'Mis coincidencias',
    entry: 'Cómo se introduce el documento',
    typed: 'Escrito',
    mrz: 'MRZ',
    documentNumber: 'Número del documento',
    issuingCountry: 'País emisor (dos letras)',
    mrzLines: 'Zona de lectura mecánica (2 o 3 líneas)',
    mrzHint: 'Pegue las líneas o léalas con un lector que las escriba aquí. No se ofrece la lectura con cámara.',
    place: 'Lugar del control',
    placeHint: 'Su puesto fronterizo si se deja vacío: {post}',
    check: 'Controlar',
    checking: 'Controlando…',
    answer: 'Respuesta',
    hit: 'COINCIDENCIA',
    noHit: 'Sin coincidencia',
    undetermined: 'Indeterminado',
    undeterminedWhy:
      'No se pudo contactar con el evaluador: no es una ausencia de coincidencia. Repita o siga el procedimiento alternativo.',
    replicaAge: 'Réplica al día a las {at} (hace {minutes} min)',
    replicaNever: 'La réplica nunca ha estado al día',
    replicaIncomplete: 'La réplica aún se está llenando',
    owner: 'Propietario',
    status: 'Estado',
    answerBy: 'Confirmación esperada antes de',
    notified: 'Se ha notificado al propietario',
    notificationFailed: 'No se pudo notificar al propietario: avise a su oficina',
    familyName: 'Apellidos',
    givenNames: 'Nombres',
    dateOfBirth: 'Fecha de nacimiento (AAAA-MM-DD)',
    nationality: 'Nacionalidad (dos letras)',
    matches: 'Coincidencias',
    score: 'Puntuación',
    reasons: 'Por qué',
    remaining: 'quedan {time}',
    awaiting: 'Esperando al propietario',
    overdue: 'Vencido: el propietario no ha respondido',
    confirmed: 'Confirmado por el propietario',
    corrected: 'Corregido por el propietario',
    'not-confirmed': 'No confirmado por el propietario',
    late: 'respuesta tardía',
    noHits: 'Aún no hay coincidencias de controles hechos aquí.',
    checkedAt: 'Controlado el',
    record: 'Registro',
    documentRecord: 'Documento emitido por {country}',
    personRecord: 'Persona: {reference}',
    minutes: 'min',
  },
  ar: {
    documentCheck: 'فحص وثيقة',
    personCheck: 'فحص شخص',
    hits: 'تطابقاتي',
    entry: 'طريقة إدخال الوثيقة',
    typed: 'كتابة',
    mrz: 'المنطقة المقروءة آلياً',
    documentNumber: 'رقم الوثيقة',
    issuingCountry: 'بلد الإصدار (حرفان)',
    mrzLines: 'المنطقة المقروءة آلياً (سطران أو ثلاثة)',
    mrzHint: 'الصق الأسطر أو اقرأها بقارئ يكتبها هنا. المسح بالكاميرا غير متاح.',
    place: 'مكان الفحص',
    placeHint: 'مركزك الحدودي إن تُرك فارغاً: {post}',
    check: 'افحص',
    checking: 'جارٍ الفحص…',
    answer: 'النتيجة',
    hit: 'تطابق',
    noHit: 'لا تطابق',
    undetermined: 'غير محدد',
    undeterminedWhy: 'تعذّر الوصول إلى المُقيِّم: هذا ليس عدم تطابق. أعد الفحص أو اتبع الإجراء البديل.',
    replicaAge: 'النسخة محدَّثة حتى {at} (منذ {minutes} دقيقة)',
    replicaNever: 'لم تكن النسخة محدَّثة قط',
    replicaIncomplete: 'لا تزال النسخة قيد الملء',
    owner: 'المالك',
    status: 'الحالة',
    answerBy: 'على المالك التأكيد قبل',
    notified: 'تم إخطار المالك',
    notificationFailed: 'تعذّر إخطار المالك: أبلغ مكتبك',
    familyName: 'اسم العائلة',
    givenNames: 'الأسماء الأولى',
    dateOfBirth: 'تاريخ الميلاد (YYYY-MM-DD)',
    nationality: 'الجنسية (حرفان)',
    matches: 'التطابقات',
    score: 'الدرجة',
    reasons: 'السبب',
    remaining: 'متبقٍّ {time}',
    awaiting: 'بانتظار المالك',
    overdue: 'انقضت المهلة: لم يُجب المالك',
    confirmed: 'أكّده المالك',
    corrected: 'صحّحه المالك',
    'not-confirmed': 'لم يؤكّده المالك',
    late: 'إجابة متأخرة',
    noHits: 'لا تطابقات من الفحوص التي أُجريت هنا بعد.',
    checkedAt: 'وقت الفحص',
    record: 'السجل',
    documentRecord: 'وثيقة صادرة عن {country}',
    personRecord: 'شخص: {reference}',
    minutes: 'دقيقة',
  },
};
