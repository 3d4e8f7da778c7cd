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
  | 'notRunning'
  | 'newOperation'
  | 'name'
  | 'participantCodes'
  | 'start'
  | 'end'
  | 'create'
  | 'created'
  | 'changeOperation'
  | 'rename'
  | 'addParticipants'
  | 'removeParticipants'
  | 'newEnd'
  | 'amend'
  | 'amended'
  | 'noChange'
  | 'endEarly'
  | 'endReason'
  | 'endNow'
  | 'endedEarly'
  | 'endedAt'
  | 'report'
  | 'purpose'
  | 'downloadReport'
  | 'reportSaved';

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
    notRunning:
      'Alerts go out only while the operation runs: this node refuses them at once otherwise, naming the rule.',
    newOperation: 'New operation coordinated by this bureau',
    name: 'Name',
    participantCodes: 'Participants (bureau codes, separated by commas)',
    start: 'Start',
    end: 'End',
    create: 'Create the operation',
    created: 'Operation {name} created (rules version {version})',
    changeOperation: 'Change the operation',
    rename: 'New name',
    addParticipants: 'Add participants (codes)',
    removeParticipants: 'Withdraw participants (codes)',
    newEnd: 'Extend to',
    amend: 'Apply the changes',
    amended: 'Operation changed (rules version {version})',
    noChange: 'Fill in at least one change.',
    endEarly: 'End the operation now',
    endReason: 'Reason',
    endNow: 'End now',
    endedEarly: 'Operation ended at {at}: its alerts are refused from now on',
    endedAt: 'This operation ended at {at}: it can no longer be changed, and its alerts are refused.',
    report: 'After-action report',
    purpose: 'Purpose of the export',
    downloadReport: 'Download the report',
    reportSaved: 'Report saved as {file}',
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
    notRunning:
      "Les alertes ne partent que pendant l'opération : sinon ce nœud les refuse aussitôt, en nommant la règle.",
    newOperation: 'Nouvelle opération coordonnée par ce bureau',
    name: 'Nom',
    participantCodes: 'Participants (codes des bureaux, séparés par des virgules)',
    start: 'Début',
    end: 'Fin',
    create: "Créer l'opération",
    created: 'Opération {name} créée (version des règles {version})',
    changeOperation: "Modifier l'opération",
    rename: 'Nouveau nom',
    addParticipants: 'Ajouter des participants (codes)',
    removeParticipants: 'Retirer des participants (codes)',
    newEnd: "Prolonger jusqu'au",
    amend: 'Appliquer les modifications',
    amended: 'Opération modifiée (version des règles {version})',
    noChange: 'Indiquez au moins une modification.',
    endEarly: "Terminer l'opération maintenant",
    endReason: 'Motif',
    endNow: 'Terminer maintenant',
    endedEarly: 'Opération terminée à {at} : ses alertes sont désormais refusées',
    endedAt: 'Cette opération est terminée depuis {at} : elle ne peut plus être modifiée et ses alertes sont refusées.',
    report: 'Rapport après action',
    purpose: "Finalité de l'export",
    downloadReport: 'Télécharger le rapport',
    reportSaved: 'Rapport enregistré sous {file}',
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
    notRunning:
      'Las alertas solo salen mientras la operación está en curso: si no, este nodo las rechaza al instante, indicando la regla.',
    newOperation: 'Nueva operación coordinada por esta oficina',
    name: 'Nombre',
    participantCodes: 'Participantes (códigos de oficina, separados por comas)',
    start: 'Inicio',
    end: 'Fin',
    create: 'Crear la operación',
    created: 'Operación {name} creada (versión de las reglas {version})',
    changeOperation: 'Modificar la operación',
    rename: 'Nuevo nombre',
    addParticipants: 'Añadir participantes (códigos)',
    removeParticipants: 'Retirar participantes (códigos)',
    newEnd: 'Prolongar hasta',
    amend: 'Aplicar los cambios',
    amended: 'Operación modificada (versión de las reglas {version})',
    noChange: 'Indique al menos un cambio.',
    endEarly: 'Terminar la operación ahora',
    endReason: 'Motivo',
    endNow: 'Terminar ahora',
    endedEarly: 'Operación terminada a las {at}: desde ahora se rechazan sus alertas',
    endedAt: 'Esta operación terminó el {at}: ya no puede modificarse y sus alertas se rechazan.',
    report: 'Informe posterior a la operación',
    purpose: 'Finalidad de la exportación',
    downloadReport: 'Descargar el informe',
    reportSaved: 'Informe guardado como {file}',
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
    notRunning: 'لا تُرسل التنبيهات إلا أثناء العملية: وإلا ترفضها هذه العقدة فوراً مع ذكر القاعدة.',
    newOperation: 'عملية جديدة ينسّقها هذا المكتب',
    name: 'الاسم',
    participantCodes: 'المشاركون (رموز المكاتب مفصولة بفواصل)',
    start: 'البداية',
    end: 'النهاية',
    create: 'أنشئ العملية',
    created: 'أُنشئت العملية {name} (إصدار القواعد {version})',
    changeOperation: 'عدّل العملية',
    rename: 'الاسم الجديد',
    addParticipants: 'أضف مشاركين (الرموز)',
    removeParticipants: 'اسحب مشاركين (الرموز)',
    newEnd: 'مدّد حتى',
    amend: 'طبّق التعديلات',
    amended: 'عُدّلت العملية (إصدار القواعد {version})',
    noChange: 'أدخل تعديلاً واحداً على الأقل.',
    endEarly: 'أنهِ العملية الآن',
    endReason: 'السبب',
    endNow: 'أنهِ الآن',
    endedEarly: 'انتهت العملية في {at}: تُرفض تنبيهاتها من الآن',
    endedAt: 'انتهت هذه العملية في {at}: لم يعد ممكناً تعديلها، وتُرفض تنبيهاتها.',
    report: 'تقرير ما بعد العملية',
    purpose: 'غرض التصدير',
    downloadReport: 'نزّل التقرير',
    reportSaved: 'حُفظ التقرير باسم {file}',
  },
};
