import type { Catalog } from '../i18n/strings';

type Key =
  | 'navInbox'
  | 'navSent'
  | 'navCompose'
  | 'navOperations'
  | 'inboxTitle'
  | 'filters'
  | 'kind'
  | 'sender'
  | 'since'
  | 'until'
  | 'priority'
  | 'due'
  | 'overdue'
  | 'search'
  | 'unreadOnly'
  | 'apply'
  | 'any'
  | 'noMessages'
  | 'received'
  | 'summary'
  | 'unread'
  | 'more'
  | 'messageTitle'
  | 'verifiedSender'
  | 'sentTo'
  | 'status'
  | 'recipient'
  | 'state'
  | 'detail'
  | 'refusedByRule'
  | 'refusedNoRule'
  | 'wholeRefused'
  | 'reply'
  | 'forward'
  | 'envelope'
  | 'sentTitle'
  | 'composeTitle'
  | 'recipients'
  | 'recipientsHint'
  | 'subject'
  | 'text'
  | 'title'
  | 'details'
  | 'familyName'
  | 'givenNames'
  | 'offence'
  | 'expiry'
  | 'noticeType'
  | 'checkRules'
  | 'send'
  | 'previewTitle'
  | 'allowed'
  | 'previewNote'
  | 'previewFirst'
  | 'sentOk'
  | 'replyTo'
  | 'forwardOf'
  | 'operationsTitle'
  | 'name'
  | 'coordinator'
  | 'participants'
  | 'phase'
  | 'period'
  | 'alerts'
  | 'noOperations'
  | 'noAlerts'
  | 'kind_message'
  | 'kind_diffusion'
  | 'kind_notice-request'
  | 'state_pending'
  | 'state_delivered'
  | 'state_refused'
  | 'state_overdue'
  | 'state_receipted'
  | 'state_rejected'
  | 'status_pending'
  | 'status_accepted'
  | 'status_refused'
  | 'priority_routine'
  | 'priority_urgent'
  | 'priority_immediate'
  | 'phase_planned'
  | 'phase_running'
  | 'phase_ended';

export const OFFICER_STRINGS: Catalog<Key> = {
  en: {
    navInbox: 'Inbox',
    navSent: 'Sent',
    navCompose: 'Compose',
    navOperations: 'Operations',
    inboxTitle: 'Inbox',
    filters: 'Filters',
    kind: 'Kind',
    sender: 'Sender (country code)',
    since: 'Received from',
    until: 'Received before',
    priority: 'Priority',
    due: 'Due',
    overdue: 'overdue',
    search: 'Search the text',
    unreadOnly: 'Unread only',
    apply: 'Apply',
    any: 'Any',
    noMessages: 'No messages.',
    received: 'Received',
    summary: 'Summary',
    unread: 'unread',
    more: 'Older messages',
    messageTitle: 'Message {id}',
    verifiedSender: 'From {from}: signature verified end to end by this node',
    sentTo: 'Sent to',
    status: 'Gateway decision',
    recipient: 'Recipient',
    state: 'State',
    detail: 'Detail',
    refusedByRule: 'Refused by rule {rule}: {reason}',
    refusedNoRule: 'Refused ({code}): {reason}',
    wholeRefused: 'The gateway refused the whole message ({code}): {reason}',
    reply: 'Reply',
    forward: 'Forward',
    envelope: 'Signed envelope (evidence)',
    sentTitle: 'Sent messages',
    composeTitle: 'Compose',
    recipients: 'Recipients',
    recipientsHint: 'Country codes separated by commas (e.g. FR, DK), or all',
    subject: 'Subject',
    text: 'Text',
    title: 'Title',
    details: 'Details',
    familyName: 'Family name',
    givenNames: 'Given names',
    offence: 'Offence',
    expiry: 'Review by (YYYY-MM-DD)',
    noticeType: 'Notice type',
    checkRules: 'Check the access rules',
    send: 'Send',
    previewTitle: 'What the access rules say now',
    allowed: 'Allowed',
    previewNote: 'The gateway decides again when the message arrives.',
    previewFirst: 'Check the access rules before sending.',
    sentOk: 'Sent as {id}.',
    replyTo: 'In reply to {id}',
    forwardOf: 'Forwarding {id}',
    operationsTitle: 'Operations and alerts',
    name: 'Name',
    coordinator: 'Coordinator',
    participants: 'Participants',
    phase: 'Phase',
    period: 'Period',
    alerts: 'Alerts',
    noOperations: 'This bureau takes part in no operation.',
    noAlerts: 'No alerts.',
    kind_message: 'Message',
    kind_diffusion: 'Diffusion',
    'kind_notice-request': 'Notice request',
    state_pending: 'Pending',
    state_delivered: 'Delivered',
    state_refused: 'Refused',
    state_overdue: 'Overdue',
    state_receipted: 'Receipted',
    state_rejected: 'Rejected by the recipient',
    status_pending: 'Awaiting the gateway',
    status_accepted: 'Accepted',
    status_refused: 'Refused',
    priority_routine: 'Routine',
    priority_urgent: 'Urgent',
    priority_immediate: 'Immediate',
    phase_planned: 'Planned',
    phase_running: 'Running',
    phase_ended: 'Ended',
  },
  fr: {
    navInbox: 'Réception',
    navSent: 'Envoyés',
    navCompose: 'Rédiger',
    navOperations: 'Opérations',
    inboxTitle: 'Boîte de réception',
    filters: 'Filtres',
    kind: 'Type',
    sender: 'Expéditeur (code pays)',
    since: 'Reçu à partir du',
    until: 'Reçu avant le',
    priority: 'Priorité',
    due: 'Échéance',
    overdue: 'en retard',
    search: 'Rechercher dans le texte',
    unreadOnly: 'Non lus seulement',
    apply: 'Appliquer',
    any: 'Tous',
    noMessages: 'Aucun message.',
    received: 'Reçu',
    summary: 'Résumé',
    unread: 'non lu',
    more: 'Messages plus anciens',
    messageTitle: 'Message {id}',
    verifiedSender: 'De {from} : signature vérifiée de bout en bout par ce nœud',
    sentTo: 'Envoyé à',
    status: 'Décision de la passerelle',
    recipient: 'Destinataire',
    state: 'État',
    detail: 'Détail',
    refusedByRule: 'Refusé par la règle {rule} : {reason}',
    refusedNoRule: 'Refusé ({code}) : {reason}',
    wholeRefused: 'La passerelle a refusé tout le message ({code}) : {reason}',
    reply: 'Répondre',
    forward: 'Transférer',
    envelope: 'Enveloppe signée (preuve)',
    sentTitle: 'Messages envoyés',
    composeTitle: 'Rédiger',
    recipients: 'Destinataires',
    recipientsHint: 'Codes pays séparés par des virgules (ex. FR, DK), ou all',
    subject: 'Objet',
    text: 'Texte',
    title: 'Titre',
    details: 'Détails',
    familyName: 'Nom de famille',
    givenNames: 'Prénoms',
    offence: 'Infraction',
    expiry: 'À réexaminer le (AAAA-MM-JJ)',
    noticeType: 'Type de notice',
    checkRules: "Vérifier les règles d'accès",
    send: 'Envoyer',
    previewTitle: "Ce que disent les règles d'accès",
    allowed: 'Autorisé',
    previewNote: "La passerelle décide à nouveau à l'arrivée du message.",
    previewFirst: "Vérifiez les règles d'accès avant d'envoyer.",
    sentOk: 'Envoyé sous {id}.',
    replyTo: 'En réponse à {id}',
    forwardOf: 'Transfert de {id}',
    operationsTitle: 'Opérations et alertes',
    name: 'Nom',
    coordinator: 'Coordinateur',
    participants: 'Participants',
    phase: 'Phase',
    period: 'Période',
    alerts: 'Alertes',
    noOperations: 'Ce bureau ne participe à aucune opération.',
    noAlerts: 'Aucune alerte.',
    kind_message: 'Message',
    kind_diffusion: 'Diffusion',
    'kind_notice-request': 'Demande de notice',
    state_pending: 'En attente',
    state_delivered: 'Remis',
    state_refused: 'Refusé',
    state_overdue: 'En retard',
    state_receipted: 'Accusé de réception',
    state_rejected: 'Rejeté par le destinataire',
    status_pending: 'En attente de la passerelle',
    status_accepted: 'Accepté',
    status_refused: 'Refusé',
    priority_routine: 'Normale',
    priority_urgent: 'Urgente',
    priority_immediate: 'Immédiate',
    phase_planned: 'Prévue',
    phase_running: 'En cours',
    phase_ended: 'Terminée',
  },
  es: {
    navInbox: 'Entrada',
    navSent: 'Enviados',
    navCompose: 'Redactar',
    navOperations: 'Operaciones',
    inboxTitle: 'Bandeja de entrada',
    filters: 'Filtros',
    kind: 'Tipo',
    sender: 'Remitente (código de país)',
    since: 'Recibido desde',
    until: 'Recibido antes de',
    priority: 'Prioridad',
    due: 'Vence',
    overdue: 'vencida',
    search: 'Buscar en el texto',
    unreadOnly: 'Solo no leídos',
    apply: 'Aplicar',
    any: 'Todos',
    noMessages: 'No hay mensajes.',
    received: 'Recibido',
    summary: 'Resumen',
    unread: 'no leído',
    more: 'Mensajes anteriores',
    messageTitle: 'Mensaje {id}',
    verifiedSender: 'De {from}: firma verificada de extremo a extremo por este nodo',
    sentTo: 'Enviado a',
    status: 'Decisión de la pasarela',
    recipient: 'Destinatario',
    state: 'Estado',
    detail: 'Detalle',
    refusedByRule: 'Rechazado por la regla {rule}: {reason}',
    refusedNoRule: 'Rechazado ({code}): {reason}',
    wholeRefused: 'La pasarela rechazó todo el mensaje ({code}): {reason}',
    reply: 'Responder',
    forward: 'Reenviar',
    envelope: 'Sobre firmado (prueba)',
    sentTitle: 'Mensajes enviados',
    composeTitle: 'Redactar',
    recipients: 'Destinatarios',
    recipientsHint: 'Códigos de país separados por comas (p. ej. FR, DK), o all',
    subject: 'Asunto',
    text: 'Texto',
    title: 'Título',
    details: 'Detalles',
    familyName: 'Apellidos',
    givenNames: 'Nombres',
    offence: 'Delito',
    expiry: 'Revisar antes de (AAAA-MM-DD)',
    noticeType: 'Tipo de notificación',
    checkRules: 'Comprobar las reglas de acceso',
    send: 'Enviar',
    previewTitle: 'Lo que dicen ahora las reglas de acceso',
    allowed: 'Permitido',
    previewNote: 'La pasarela vuelve a decidir cuando llega el mensaje.',
    previewFirst: 'Compruebe las reglas de acceso antes de enviar.',
    sentOk: 'Enviado como {id}.',
    replyTo: 'En respuesta a {id}',
    forwardOf: 'Reenvío de {id}',
    operationsTitle: 'Operaciones y alertas',
    name: 'Nombre',
    coordinator: 'Coordinador',
    participants: 'Participantes',
    phase: 'Fase',
    period: 'Periodo',
    alerts: 'Alertas',
    noOperations: 'Esta oficina no participa en ninguna operación.',
    noAlerts: 'No hay alertas.',
    kind_message: 'Mensaje',
    kind_diffusion: 'Difusión',
    'kind_notice-request': 'Solicitud de notificación',
    state_pending: 'Pendiente',
    state_delivered: 'Entregado',
    state_refused: 'Rechazado',
    state_overdue: 'Vencido',
    state_receipted: 'Acuse recibido',
    state_rejected: 'Rechazado por el destinatario',
    status_pending: 'Esperando a la pasarela',
    status_accepted: 'Aceptado',
    status_refused: 'Rechazado',
    priority_routine: 'Normal',
    priority_urgent: 'Urgente',
    priority_immediate: 'Inmediata',
    phase_planned: 'Prevista',
    phase_running: 'En curso',
    phase_ended: 'Terminada',
  },
  ar: {
    navInbox: 'الوارد',
    navSent: 'المرسل',
    navCompose: 'إنشاء رسالة',
    navOperations: 'العمليات',
    inboxTitle: 'صندوق الوارد',
    filters: 'عوامل التصفية',
    kind: 'النوع',
    sender: 'المرسِل (رمز البلد)',
    since: 'مستلم منذ',
    until: 'مستلم قبل',
    priority: 'الأولوية',
    due: 'موعد الاستحقاق',
    overdue: 'متأخر',
    search: 'البحث في النص',
    unreadOnly: 'غير المقروءة فقط',
    apply: 'تطبيق',
    any: 'الكل',
    noMessages: 'لا توجد رسائل.',
    received: 'تاريخ الاستلام',
    summary: 'ملخص',
    unread: 'غير مقروءة',
    more: 'رسائل أقدم',
    messageTitle: 'الرسالة {id}',
    verifiedSender: 'من {from}: تحقّقت هذه العقدة من التوقيع من طرف إلى طرف',
    sentTo: 'أُرسلت إلى',
    status: 'قرار البوابة',
    recipient: 'المستلم',
    state: 'الحالة',
    detail: 'التفاصيل',
    refusedByRule: 'رُفضت بموجب القاعدة {rule}: {reason}',
    refusedNoRule: 'رُفضت ({code}): {reason}',
    wholeRefused: 'رفضت البوابة الرسالة كلها ({code}): {reason}',
    reply: 'رد',
    forward: 'إعادة توجيه',
    envelope: 'الظرف الموقَّع (دليل)',
    sentTitle: 'الرسائل المرسلة',
    composeTitle: 'إنشاء رسالة',
    recipients: 'المستلمون',
    recipientsHint: 'رموز البلدان مفصولة بفواصل (مثل FR, DK) أو all',
    subject: 'الموضوع',
    text: 'النص',
    title: 'العنوان',
    details: 'التفاصيل',
    familyName: 'اسم العائلة',
    givenNames: 'الأسماء الأولى',
    offence: 'الجريمة',
    expiry: 'تاريخ المراجعة (YYYY-MM-DD)',
    noticeType: 'نوع النشرة',
    checkRules: 'التحقق من قواعد الوصول',
    send: 'إرسال',
    previewTitle: 'ما تقوله قواعد الوصول الآن',
    allowed: 'مسموح',
    previewNote: 'تقرّر البوابة من جديد عند وصول الرسالة.',
    previewFirst: 'تحقّق من قواعد الوصول قبل الإرسال.',
    sentOk: 'أُرسلت برقم {id}.',
    replyTo: 'ردًا على {id}',
    forwardOf: 'إعادة توجيه {id}',
    operationsTitle: 'العمليات والتنبيهات',
    name: 'الاسم',
    coordinator: 'المنسّق',
    participants: 'المشاركون',
    phase: 'المرحلة',
    period: 'الفترة',
    alerts: 'التنبيهات',
    noOperations: 'لا يشارك هذا المكتب في أي عملية.',
    noAlerts: 'لا توجد تنبيهات.',
    kind_message: 'رسالة',
    kind_diffusion: 'نشرة تعميم',
    'kind_notice-request': 'طلب نشرة',
    state_pending: 'قيد الانتظار',
    state_delivered: 'سُلِّمت',
    state_refused: 'مرفوضة',
    state_overdue: 'متأخرة',
    state_receipted: 'أُقِرّ بالاستلام',
    state_rejected: 'رفضها المستلم',
    status_pending: 'بانتظار البوابة',
    status_accepted: 'مقبولة',
    status_refused: 'مرفوضة',
    priority_routine: 'عادية',
    priority_urgent: 'عاجلة',
    priority_immediate: 'فورية',
    phase_planned: 'مخطّطة',
    phase_running: 'جارية',
    phase_ended: 'منتهية',
  },
};
