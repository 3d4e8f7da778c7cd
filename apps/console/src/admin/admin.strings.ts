import type { Catalog } from '../i18n/strings';

type Key =
  | 'bureausTitle'
  | 'code'
  | 'name'
  | 'role'
  | 'status'
  | 'registered'
  | 'enrolled'
  | 'notEnrolled'
  | 'signingExpiry'
  | 'active'
  | 'suspended'
  | 'certificatesTitle'
  | 'bureau'
  | 'all'
  | 'use'
  | 'serial'
  | 'state'
  | 'expires'
  | 'daysLeft'
  | 'revokedAt'
  | 'current'
  | 'superseded'
  | 'revoked'
  | 'expired'
  | 'freshness'
  | 'neverPublished'
  | 'rulesTitle'
  | 'version'
  | 'createdAt'
  | 'author'
  | 'from'
  | 'to'
  | 'compare'
  | 'policies'
  | 'limits'
  | 'noChange'
  | 'unchanged'
  | 'added'
  | 'removed'
  | 'olderVersions'
  | 'operationsTitle'
  | 'coordinator'
  | 'participants'
  | 'start'
  | 'end'
  | 'noOperations';

export const ADMIN_STRINGS: Catalog<Key> = {
  en: {
    bureausTitle: 'Bureaus',
    code: 'Code',
    name: 'Name',
    role: 'Role',
    status: 'Status',
    registered: 'Registered',
    enrolled: 'Enrolled',
    notEnrolled: 'not enrolled',
    signingExpiry: 'Signing certificate expires',
    active: 'active',
    suspended: 'suspended',
    certificatesTitle: 'Certificates',
    bureau: 'Bureau',
    all: 'All',
    use: 'Use',
    serial: 'Serial',
    state: 'State',
    expires: 'Expires',
    daysLeft: 'Days left',
    revokedAt: 'Revoked',
    current: 'current',
    superseded: 'superseded (still honoured)',
    revoked: 'revoked',
    expired: 'expired',
    freshness:
      'Revocation list: directory version {version}, last announced to gateway and nodes {published} ({age} s ago; every {interval} s).',
    neverPublished: 'Revocation list: directory version {version}, not announced since the registry started.',
    rulesTitle: 'Rule sets',
    version: 'Version',
    createdAt: 'In force since',
    author: 'Changed by',
    from: 'From version',
    to: 'To version',
    compare: 'Show the differences',
    policies: 'Policies',
    limits: 'Rate limits',
    noChange: 'No change.',
    unchanged: '… {count} unchanged lines …',
    added: 'added',
    removed: 'removed',
    olderVersions: 'Older versions',
    operationsTitle: 'Operations',
    coordinator: 'Coordinator',
    participants: 'Participants',
    start: 'Start',
    end: 'End',
    noOperations: 'No operation.',
  },
  fr: {
    bureausTitle: 'Bureaux',
    code: 'Code',
    name: 'Nom',
    role: 'Rôle',
    status: 'État',
    registered: 'Inscrit le',
    enrolled: 'Enrôlé le',
    notEnrolled: 'non enrôlé',
    signingExpiry: 'Expiration du certificat de signature',
    active: 'actif',
    suspended: 'suspendu',
    certificatesTitle: 'Certificats',
    bureau: 'Bureau',
    all: 'Tous',
    use: 'Usage',
    serial: 'Numéro de série',
    state: 'État',
    expires: 'Expire le',
    daysLeft: 'Jours restants',
    revokedAt: 'Révoqué le',
    current: 'en vigueur',
    superseded: 'remplacé (encore accepté)',
    revoked: 'révoqué',
    expired: 'expiré',
    freshness:
      'Liste de révocation : version {version} de l’annuaire, annoncée à la passerelle et aux nœuds le {published} (il y a {age} s ; toutes les {interval} s).',
    neverPublished: 'Liste de révocation : version {version} de l’annuaire, pas encore annoncée depuis le démarrage.',
    rulesTitle: 'Jeux de règles',
    version: 'Version',
    createdAt: 'En vigueur depuis',
    author: 'Modifié par',
    from: 'De la version',
    to: 'À la version',
    compare: 'Afficher les différences',
    policies: 'Politiques',
    limits: 'Limites de débit',
    noChange: 'Aucun changement.',
    unchanged: '… {count} lignes inchangées …',
    added: 'ajouté',
    removed: 'supprimé',
    olderVersions: 'Versions plus anciennes',
    operationsTitle: 'Opérations',
    coordinator: 'Coordinateur',
    participants: 'Participants',
    start: 'Début',
    end: 'Fin',
    noOperations: 'Aucune opération.',
  },
  es: {
    bureausTitle: 'Oficinas',
    code: 'Código',
    name: 'Nombre',
    role: 'Función',
    status: 'Estado',
    registered: 'Registrada',
    enrolled: 'Inscrita',
    notEnrolled: 'no inscrita',
    signingExpiry: 'Caducidad del certificado de firma',
    active: 'activa',
    suspended: 'suspendida',
    certificatesTitle: 'Certificados',
    bureau: 'Oficina',
    all: 'Todas',
    use: 'Uso',
    serial: 'Número de serie',
    state: 'Estado',
    expires: 'Caduca',
    daysLeft: 'Días restantes',
    revokedAt: 'Revocado',
    current: 'vigente',
    superseded: 'sustituido (aún aceptado)',
    revoked: 'revocado',
    expired: 'caducado',
    freshness:
      'Lista de revocación: versión {version} del directorio, anunciada a la pasarela y a los nodos el {published} (hace {age} s; cada {interval} s).',
    neverPublished: 'Lista de revocación: versión {version} del directorio, sin anunciar desde el arranque.',
    rulesTitle: 'Conjuntos de reglas',
    version: 'Versión',
    createdAt: 'En vigor desde',
    author: 'Modificado por',
    from: 'De la versión',
    to: 'A la versión',
    compare: 'Mostrar las diferencias',
    policies: 'Políticas',
    limits: 'Límites de envío',
    noChange: 'Sin cambios.',
    unchanged: '… {count} líneas sin cambios …',
    added: 'añadido',
    removed: 'eliminado',
    olderVersions: 'Versiones anteriores',
    operationsTitle: 'Operaciones',
    coordinator: 'Coordinador',
    participants: 'Participantes',
    start: 'Inicio',
    end: 'Fin',
    noOperations: 'Ninguna operación.',
  },
  ar: {
    bureausTitle: 'المكاتب',
    code: 'الرمز',
    name: 'الاسم',
    role: 'الدور',
    status: 'الحالة',
    registered: 'تاريخ التسجيل',
    enrolled: 'تاريخ الانضمام',
    notEnrolled: 'لم ينضم بعد',
    signingExpiry: 'انتهاء شهادة التوقيع',
    active: 'نشط',
    suspended: 'معلَّق',
    certificatesTitle: 'الشهادات',
    bureau: 'المكتب',
    all: 'الكل',
    use: 'الاستخدام',
    serial: 'الرقم التسلسلي',
    state: 'الحالة',
    expires: 'تنتهي في',
    daysLeft: 'الأيام المتبقية',
    revokedAt: 'أُلغيت في',
    current: 'سارية',
    superseded: 'مستبدلة (لا تزال مقبولة)',
    revoked: 'ملغاة',
    expired: 'منتهية',
    freshness:
      'قائمة الإلغاء: إصدار الدليل {version}، أُعلن للبوابة والعقد في {published} (منذ {age} ث؛ كل {interval} ث).',
    neverPublished: 'قائمة الإلغاء: إصدار الدليل {version}، لم يُعلن منذ بدء التشغيل.',
    rulesTitle: 'مجموعات القواعد',
    version: 'الإصدار',
    createdAt: 'سارية منذ',
    author: 'عدّلها',
    from: 'من الإصدار',
    to: 'إلى الإصدار',
    compare: 'عرض الفروق',
    policies: 'السياسات',
    limits: 'حدود المعدل',
    noChange: 'لا تغيير.',
    unchanged: '… {count} سطرًا دون تغيير …',
    added: 'مضاف',
    removed: 'محذوف',
    olderVersions: 'إصدارات أقدم',
    operationsTitle: 'العمليات',
    coordinator: 'المنسق',
    participants: 'المشاركون',
    start: 'البداية',
    end: 'النهاية',
    noOperations: 'لا توجد عمليات.',
  },
};
