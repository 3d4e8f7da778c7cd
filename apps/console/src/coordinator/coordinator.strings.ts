import type { Catalog } from '../i18n/strings';

type Key =
  | 'board'
  | 'operation'
  | 'noOperations'
  | 'participants'
  | 'period'
  | 'planned'
  | 'running'
  | 'ended'
  | 'newAlert'
  | 'title'
  | 'details'
  | 'priority'
  | 'routine'
  | 'urgent'
  | 'immediate'
  | 'send'
  | 'sent'
  | 'sentAt'
  | 'alerts'
  | 'noAlerts'
  | 'gateway'
  | 'accepted'
  | 'refused'
  | 'pending'
  | 'delivered'
  | 'receipted'
  | 'overdue'
  | 'rejected'
  | 'rule'
  | 'replies'
  | 'noReplies'
  | 'inReplyTo'
  | 'notRunning';

export const COORDINATOR_STRINGS: Catalog<Key> = {
  en: {
    board: 'Operation board',
    operation: 'Operation',
    noOperations: 'This bureau coordinates no operation.',
    participants: 'Participants',
    period: 'Runs',
    planned: 'Planned',
    running: 'Running',
    ended: 'Ended',
    newAlert: 'New alert to the participants',
    title: 'Title',
    details: 'Details',
    priority: 'Priority',
    routine: 'Routine',
    urgent: 'Urgent',
    immediate: 'Immediate',
    send: 'Send alert',
    sent: 'Alert {id} sent to {to}',
    sentAt: 'Sent (the title stays sealed in the envelope)',
    alerts: 'Alerts and their state per bureau',
    noAlerts: 'No alert sent yet.',
    gateway: 'Gateway',
    accepted: 'accepted',
    refused: 'refused',
    pending: 'pending',
    delivered: 'delivered',
    receipted: 'receipted',
    overdue: 'no receipt in time',
    rejected: 'rejected by the recipient',
    rule: 'rule {rule}',
    replies: 'Replies',
    noReplies: 'No reply yet.',
    inReplyTo: 'to alert {id}',
    notRunning: 'Alerts go out only while the operation runs: the gateway refuses them otherwise.',
  },
  fr: {
    board: "Tableau d'opération",
    operation: 'Opération',
    noOperations: 'Ce bureau ne coordonne aucune opération.',
    participants: 'Participants',
    period: 'Période',
    planned: 'Prévue',
    running: 'En cours',
    ended: 'Terminée',
    newAlert: 'Nouvelle alerte aux participants',
    title: 'Titre',
    details: 'Détails',
    priority: 'Priorité',
    routine: 'Normale',
    urgent: 'Urgente',
    immediate: 'Immédiate',
    send: "Envoyer l'alerte",
    sent: 'Alerte {id} envoyée à {to}',
    sentAt: "Envoyée (le titre reste scellé dans l'enveloppe)",
    alerts: 'Alertes et leur état par bureau',
    noAlerts: "Aucune alerte envoyée pour l'instant.",
    gateway: 'Passerelle',
    accepted: 'acceptée',
    refused: 'refusée',
    pending: 'en attente',
    delivered: 'remise',
    receipted: 'accusée',
    overdue: 'pas d’accusé à temps',
    rejected: 'rejetée par le destinataire',
    rule: 'règle {rule}',
    replies: 'Réponses',
    noReplies: "Aucune réponse pour l'instant.",
    inReplyTo: "à l'alerte {id}",
    notRunning: "Les alertes ne partent que pendant l'opération : la passerelle les refuse sinon.",
  },
  es: {
    board: 'Panel de operación',
    operation: 'Operación',
    noOperations: 'Esta oficina no coordina ninguna operación.',
    participants: 'Participantes',
    period: 'Periodo',
    planned: 'Prevista',
    running: 'En curso',
    ended: 'Terminada',
    newAlert: 'Nueva alerta a los participantes',
    title: 'Título',
    details: 'Detalles',
    priority: 'Prioridad',
    routine: 'Normal',
    urgent: 'Urgente',
    immediate: 'Inmediata',
    send: 'Enviar alerta',
    sent: 'Alerta {id} enviada a {to}',
    sentAt: 'Enviada (el título queda sellado en el sobre)',
    alerts: 'Alertas y su estado por oficina',
    noAlerts: 'Aún no se ha enviado ninguna alerta.',
    gateway: 'Pasarela',
    accepted: 'aceptada',
    refused: 'rechazada',
    pending: 'pendiente',
    delivered: 'entregada',
    receipted: 'con acuse',
    overdue: 'sin acuse a tiempo',
    rejected: 'rechazada por el destinatario',
    rule: 'regla {rule}',
    replies: 'Respuestas',
    noReplies: 'Aún no hay respuestas.',
    inReplyTo: 'a la alerta {id}',
    notRunning: 'Las alertas solo salen mientras la operación está en curso: si no, la pasarela las rechaza.',
  },
  ar: {
    board: 'لوحة العملية',
    operation: 'العملية',
    noOperations: 'لا ينسّق هذا المكتب أي عملية.',
    participants: 'المشاركون',
    period: 'المدة',
    planned: 'مخطط لها',
    running: 'جارية',
    ended: 'منتهية',
    newAlert: 'تنبيه جديد إلى المشاركين',
    title: 'العنوان',
    details: 'التفاصيل',
    priority: 'الأولوية',
    routine: 'عادية',
    urgent: 'عاجلة',
    immediate: 'فورية',
    send: 'أرسل التنبيه',
    sent: 'أُرسل التنبيه {id} إلى {to}',
    sentAt: 'أُرسل (يبقى العنوان مختوماً في الظرف)',
    alerts: 'التنبيهات وحالتها لكل مكتب',
    noAlerts: 'لم يُرسل أي تنبيه بعد.',
    gateway: 'البوابة',
    accepted: 'مقبول',
    refused: 'مرفوض',
    pending: 'قيد الانتظار',
    delivered: 'مُسلَّم',
    receipted: 'مُستلَم بإشعار',
    overdue: 'لا إشعار في الوقت',
    rejected: 'رفضه المستلم',
    rule: 'القاعدة {rule}',
    replies: 'الردود',
    noReplies: 'لا ردود بعد.',
    inReplyTo: 'على التنبيه {id}',
    notRunning: 'لا تُرسل التنبيهات إلا أثناء العملية: وإلا ترفضها البوابة.',
  },
};
