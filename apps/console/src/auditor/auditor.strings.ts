import type { Catalog } from '../i18n/strings';

type Key =
  | 'searchTitle'
  | 'from'
  | 'to'
  | 'party'
  | 'kind'
  | 'status'
  | 'any'
  | 'search'
  | 'noResults'
  | 'older'
  | 'coverage'
  | 'index'
  | 'at'
  | 'type'
  | 'message'
  | 'sender'
  | 'recipient'
  | 'openTrail'
  | 'messageId'
  | 'open'
  | 'trailTitle'
  | 'verifying'
  | 'headLabel'
  | 'allVerified'
  | 'someFailed'
  | 'leafCheck'
  | 'inclusionCheck'
  | 'verified'
  | 'failed'
  | 'download'
  | 'keyNote'
  | 'headsTitle'
  | 'size'
  | 'timestamp'
  | 'root'
  | 'first'
  | 'second'
  | 'checkConsistency'
  | 'consistencyVerified'
  | 'consistencyFailed'
  | 'statusAccepted'
  | 'statusRefused'
  | 'statusDelivered'
  | 'statusReceipted'
  | 'statusRegistry';

export const AUDITOR_STRINGS: Catalog<Key> = {
  en: {
    searchTitle: 'Ledger search',
    from: 'From',
    to: 'To',
    party: 'Bureau (sender or recipient)',
    kind: 'Kind',
    status: 'Status',
    any: 'Any',
    search: 'Search',
    noResults: 'No entry matches.',
    older: 'Older entries',
    coverage: 'The search covers the first {indexed} of {signed} signed entries.',
    index: 'Index',
    at: 'Recorded',
    type: 'Entry',
    message: 'Message',
    sender: 'Sender',
    recipient: 'Recipient',
    openTrail: 'Open the trail of a message',
    messageId: 'Message id',
    open: 'Open',
    trailTitle: 'Trail of message {id}',
    verifying: 'Verifying in this browser…',
    headLabel: 'Tree head signature (size {size}, signed {time})',
    allVerified: 'Every proof verified ({count} entries).',
    someFailed: '{count} check(s) FAILED: this trail is not proven.',
    leafCheck: 'Leaf hash',
    inclusionCheck: 'Inclusion proof',
    verified: 'verified',
    failed: 'FAILED',
    download: 'Download the evidence bundle',
    keyNote:
      'Verified with the key the gateway shows, SHA-256 {fingerprint}. Compare it with the certificate of XG in the registry’s directory.',
    headsTitle: 'Signed tree heads',
    size: 'Size',
    timestamp: 'Signed at',
    root: 'Root hash',
    first: 'Older head',
    second: 'Newer head',
    checkConsistency: 'Check consistency',
    consistencyVerified: 'Size {second} extends size {first}: both signatures and the consistency proof verified.',
    consistencyFailed: 'Consistency FAILED: {reason}',
    statusAccepted: 'accepted',
    statusRefused: 'refused',
    statusDelivered: 'delivered',
    statusReceipted: 'receipted',
    statusRegistry: 'registry change',
  },
  fr: {
    searchTitle: 'Recherche dans le registre',
    from: 'Du',
    to: 'Au',
    party: 'Bureau (expéditeur ou destinataire)',
    kind: 'Type de message',
    status: 'État',
    any: 'Tous',
    search: 'Rechercher',
    noResults: 'Aucune entrée ne correspond.',
    older: 'Entrées plus anciennes',
    coverage: 'La recherche porte sur les {indexed} premières des {signed} entrées signées.',
    index: 'Indice',
    at: 'Enregistrée',
    type: 'Entrée',
    message: 'Message',
    sender: 'Expéditeur',
    recipient: 'Destinataire',
    openTrail: "Ouvrir la piste d'un message",
    messageId: 'Identifiant du message',
    open: 'Ouvrir',
    trailTitle: 'Piste du message {id}',
    verifying: 'Vérification dans ce navigateur…',
    headLabel: "Signature de la tête d'arbre (taille {size}, signée le {time})",
    allVerified: 'Toutes les preuves sont vérifiées ({count} entrées).',
    someFailed: "{count} vérification(s) ÉCHOUÉE(S) : cette piste n'est pas prouvée.",
    leafCheck: 'Empreinte de la feuille',
    inclusionCheck: "Preuve d'inclusion",
    verified: 'vérifiée',
    failed: 'ÉCHOUÉE',
    download: 'Télécharger le dossier de preuve',
    keyNote:
      'Vérifié avec la clé que montre la passerelle, SHA-256 {fingerprint}. Comparez-la au certificat de XG dans l’annuaire du registre.',
    headsTitle: "Têtes d'arbre signées",
    size: 'Taille',
    timestamp: 'Signée le',
    root: 'Empreinte racine',
    first: 'Tête la plus ancienne',
    second: 'Tête la plus récente',
    checkConsistency: 'Vérifier la cohérence',
    consistencyVerified:
      'La taille {second} prolonge la taille {first} : les deux signatures et la preuve de cohérence sont vérifiées.',
    consistencyFailed: 'Cohérence ÉCHOUÉE : {reason}',
    statusAccepted: 'acceptée',
    statusRefused: 'refusée',
    statusDelivered: 'remise',
    statusReceipted: 'accusé reçu',
    statusRegistry: 'modification du registre',
  },
  es: {
    searchTitle: 'Búsqueda en el registro',
    from: 'Desde',
    to: 'Hasta',
    party: 'Oficina (remitente o destinatario)',
    kind: 'Tipo de mensaje',
    status: 'Estado',
    any: 'Cualquiera',
    search: 'Buscar',
    noResults: 'Ninguna entrada coincide.',
    older: 'Entradas anteriores',
    coverage: 'La búsqueda abarca las primeras {indexed} de {signed} entradas firmadas.',
    index: 'Índice',
    at: 'Registrada',
    type: 'Entrada',
    message: 'Mensaje',
    sender: 'Remitente',
    recipient: 'Destinatario',
    openTrail: 'Abrir el rastro de un mensaje',
    messageId: 'Identificador del mensaje',
    open: 'Abrir',
    trailTitle: 'Rastro del mensaje {id}',
    verifying: 'Verificando en este navegador…',
    headLabel: 'Firma de la cabeza del árbol (tamaño {size}, firmada el {time})',
    allVerified: 'Todas las pruebas verificadas ({count} entradas).',
    someFailed: '{count} comprobación(es) FALLIDA(S): este rastro no está probado.',
    leafCheck: 'Hash de la hoja',
    inclusionCheck: 'Prueba de inclusión',
    verified: 'verificada',
    failed: 'FALLIDA',
    download: 'Descargar el paquete de pruebas',
    keyNote:
      'Verificado con la clave que muestra la pasarela, SHA-256 {fingerprint}. Compárela con el certificado de XG en el directorio del registro.',
    headsTitle: 'Cabezas de árbol firmadas',
    size: 'Tamaño',
    timestamp: 'Firmada el',
    root: 'Hash raíz',
    first: 'Cabeza anterior',
    second: 'Cabeza posterior',
    checkConsistency: 'Comprobar la coherencia',
    consistencyVerified:
      'El tamaño {second} extiende el tamaño {first}: ambas firmas y la prueba de coherencia verificadas.',
    consistencyFailed: 'Coherencia FALLIDA: {reason}',
    statusAccepted: 'aceptada',
    statusRefused: 'rechazada',
    statusDelivered: 'entregada',
    statusReceipted: 'con acuse',
    statusRegistry: 'cambio del registro',
  },
  ar: {
    searchTitle: 'البحث في السجل',
    from: 'من',
    to: 'إلى',
    party: 'المكتب (المرسل أو المستلم)',
    kind: 'نوع الرسالة',
    status: 'الحالة',
    any: 'الكل',
    search: 'بحث',
    noResults: 'لا توجد قيود مطابقة.',
    older: 'قيود أقدم',
    coverage: 'يشمل البحث أول {indexed} من {signed} قيدًا موقّعًا.',
    index: 'الرقم',
    at: 'وقت التسجيل',
    type: 'القيد',
    message: 'الرسالة',
    sender: 'المرسل',
    recipient: 'المستلم',
    openTrail: 'فتح مسار رسالة',
    messageId: 'معرّف الرسالة',
    open: 'فتح',
    trailTitle: 'مسار الرسالة {id}',
    verifying: 'جارٍ التحقق في هذا المتصفح…',
    headLabel: 'توقيع رأس الشجرة (الحجم {size}، {time})',
    allVerified: 'تم التحقق من جميع البراهين ({count} قيدًا).',
    someFailed: 'فشل {count} من عمليات التحقق: هذا المسار غير مُثبت.',
    leafCheck: 'تجزئة الورقة',
    inclusionCheck: 'برهان التضمين',
    verified: 'متحقَّق منه',
    failed: 'فشل',
    download: 'تنزيل حزمة الأدلة',
    keyNote: 'تم التحقق بالمفتاح الذي تعرضه البوابة، SHA-256 {fingerprint}. قارنه بشهادة XG في دليل السجل.',
    headsTitle: 'رؤوس الشجرة الموقّعة',
    size: 'الحجم',
    timestamp: 'وقت التوقيع',
    root: 'تجزئة الجذر',
    first: 'الرأس الأقدم',
    second: 'الرأس الأحدث',
    checkConsistency: 'التحقق من الاتساق',
    consistencyVerified: 'الحجم {second} امتداد للحجم {first}: تم التحقق من التوقيعين وبرهان الاتساق.',
    consistencyFailed: 'فشل التحقق من الاتساق: {reason}',
    statusAccepted: 'مقبولة',
    statusRefused: 'مرفوضة',
    statusDelivered: 'مُسلَّمة',
    statusReceipted: 'مُستلَمة بإشعار',
    statusRegistry: 'تغيير في السجل',
  },
};
