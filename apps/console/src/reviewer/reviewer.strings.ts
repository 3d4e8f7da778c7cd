import type { Catalog } from '../i18n/strings';

type Key =
  | 'queue'
  | 'diffusions'
  | 'notices'
  | 'queueEmpty'
  | 'requester'
  | 'action'
  | 'publish'
  | 'cancelAction'
  | 'type'
  | 'subject'
  | 'receivedAt'
  | 'offence'
  | 'expiry'
  | 'restrictedTo'
  | 'none'
  | 'open'
  | 'request'
  | 'duplicates'
  | 'noDuplicates'
  | 'score'
  | 'reasons'
  | 'approve'
  | 'refuse'
  | 'reason'
  | 'confirm'
  | 'back'
  | 'approved'
  | 'refused'
  | 'pending'
  | 'cancelNotice'
  | 'cancelled'
  | 'withdraw'
  | 'withdrawn'
  | 'diffusionsEmpty'
  | 'diffusionsHint'
  | 'markCompliant'
  | 'compliant'
  | 'decidedBy'
  | 'from'
  | 'recipients'
  | 'title'
  | 'noticesEmpty'
  | 'number'
  | 'owner'
  | 'state'
  | 'publishedAt'
  | 'active'
  | 'lapsed'
  | 'cancelOf';

export const REVIEWER_STRINGS: Catalog<Key> = {
  en: {
    queue: 'Review queue',
    diffusions: 'Diffusions to check',
    notices: 'Notices',
    queueEmpty: 'No request awaits review.',
    requester: 'Requested by',
    action: 'Action',
    publish: 'Publish',
    cancelAction: 'Cancel notice',
    type: 'Type',
    subject: 'Subject',
    receivedAt: 'Received',
    offence: 'Offence or reason',
    expiry: 'Review by',
    restrictedTo: 'Must not reach',
    none: 'none',
    open: 'Open',
    request: 'Request',
    duplicates: 'Possible duplicates',
    noDuplicates: 'No notice held here matches this person.',
    score: 'Score',
    reasons: 'Why',
    approve: 'Approve',
    refuse: 'Refuse',
    reason: 'Reason (sent with the decision)',
    confirm: 'Confirm',
    back: 'Back to the queue',
    approved: 'Approved',
    refused: 'Refused',
    pending: 'Pending',
    cancelNotice: 'Cancel notice',
    cancelled: 'Cancelled',
    withdraw: 'Withdraw',
    withdrawn: 'Withdrawn',
    diffusionsEmpty: 'No diffusion awaits the check.',
    diffusionsHint:
      'Diffusions go out at once; the hub checks them after the fact and withdraws those that do not comply.',
    markCompliant: 'Compliant',
    compliant: 'Found compliant',
    decidedBy: 'Decided by {who}, {at}',
    from: 'From',
    recipients: 'To',
    title: 'Title',
    noticesEmpty: 'No notice is held here.',
    number: 'Number',
    owner: 'Owner',
    state: 'State',
    publishedAt: 'Published',
    active: 'Active',
    lapsed: 'Lapsed',
    cancelOf: 'Cancellation of {number}: {reason}',
  },
  fr: {
    queue: "File d'examen",
    diffusions: 'Diffusions à contrôler',
    notices: 'Notices',
    queueEmpty: "Aucune demande n'attend d'examen.",
    requester: 'Demandée par',
    action: 'Action',
    publish: 'Publier',
    cancelAction: 'Annuler la notice',
    type: 'Type',
    subject: 'Personne',
    receivedAt: 'Reçue',
    offence: 'Infraction ou motif',
    expiry: 'À revoir avant',
    restrictedTo: 'Ne doit pas atteindre',
    none: 'aucun',
    open: 'Ouvrir',
    request: 'Demande',
    duplicates: 'Doublons possibles',
    noDuplicates: 'Aucune notice détenue ici ne correspond à cette personne.',
    score: 'Score',
    reasons: 'Pourquoi',
    approve: 'Approuver',
    refuse: 'Refuser',
    reason: 'Motif (envoyé avec la décision)',
    confirm: 'Confirmer',
    back: 'Retour à la file',
    approved: 'Approuvée',
    refused: 'Refusée',
    pending: 'En attente',
    cancelNotice: 'Annuler la notice',
    cancelled: 'Annulée',
    withdraw: 'Retirer',
    withdrawn: 'Retirée',
    diffusionsEmpty: "Aucune diffusion n'attend de contrôle.",
    diffusionsHint:
      'Les diffusions partent immédiatement ; le hub les contrôle ensuite et retire celles qui ne sont pas conformes.',
    markCompliant: 'Conforme',
    compliant: 'Jugées conformes',
    decidedBy: 'Décidé par {who}, {at}',
    from: 'De',
    recipients: 'À',
    title: 'Titre',
    noticesEmpty: "Aucune notice n'est détenue ici.",
    number: 'Numéro',
    owner: 'Propriétaire',
    state: 'État',
    publishedAt: 'Publiée',
    active: 'Active',
    lapsed: 'Expirée',
    cancelOf: 'Annulation de {number} : {reason}',
  },
  es: {
    queue: 'Cola de revisión',
    diffusions: 'Difusiones por revisar',
    notices: 'Notificaciones',
    queueEmpty: 'Ninguna solicitud espera revisión.',
    requester: 'Solicitada por',
    action: 'Acción',
    publish: 'Publicar',
    cancelAction: 'Cancelar notificación',
    type: 'Tipo',
    subject: 'Persona',
    receivedAt: 'Recibida',
    offence: 'Delito o motivo',
    expiry: 'Revisar antes de',
    restrictedTo: 'No debe llegar a',
    none: 'ninguno',
    open: 'Abrir',
    request: 'Solicitud',
    duplicates: 'Posibles duplicados',
    noDuplicates: 'Ninguna notificación de aquí coincide con esta persona.',
    score: 'Puntuación',
    reasons: 'Por qué',
    approve: 'Aprobar',
    refuse: 'Rechazar',
    reason: 'Motivo (se envía con la decisión)',
    confirm: 'Confirmar',
    back: 'Volver a la cola',
    approved: 'Aprobada',
    refused: 'Rechazada',
    pending: 'Pendiente',
    cancelNotice: 'Cancelar notificación',
    cancelled: 'Cancelada',
    withdraw: 'Retirar',
    withdrawn: 'Retirada',
    diffusionsEmpty: 'Ninguna difusión espera revisión.',
    diffusionsHint: 'Las difusiones salen de inmediato; el hub las revisa después y retira las que no cumplen.',
    markCompliant: 'Conforme',
    compliant: 'Declaradas conformes',
    decidedBy: 'Decidido por {who}, {at}',
    from: 'De',
    recipients: 'Para',
    title: 'Título',
    noticesEmpty: 'No hay notificaciones aquí.',
    number: 'Número',
    owner: 'Propietario',
    state: 'Estado',
    publishedAt: 'Publicada',
    active: 'Activa',
    lapsed: 'Caducada',
    cancelOf: 'Cancelación de {number}: {reason}',
  },
  ar: {
    queue: 'قائمة المراجعة',
    diffusions: 'تعميمات للتدقيق',
    notices: 'النشرات',
    queueEmpty: 'لا يوجد طلب بانتظار المراجعة.',
    requester: 'مقدَّم من',
    action: 'الإجراء',
    publish: 'نشر',
    cancelAction: 'إلغاء نشرة',
    type: 'النوع',
    subject: 'الشخص',
    receivedAt: 'وقت الاستلام',
    offence: 'الجرم أو السبب',
    expiry: 'المراجعة قبل',
    restrictedTo: 'يجب ألا تصل إلى',
    none: 'لا أحد',
    open: 'فتح',
    request: 'الطلب',
    duplicates: 'تكرارات محتملة',
    noDuplicates: 'لا توجد نشرة هنا تطابق هذا الشخص.',
    score: 'الدرجة',
    reasons: 'السبب',
    approve: 'موافقة',
    refuse: 'رفض',
    reason: 'السبب (يُرسَل مع القرار)',
    confirm: 'تأكيد',
    back: 'العودة إلى القائمة',
    approved: 'مقبول',
    refused: 'مرفوض',
    pending: 'قيد الانتظار',
    cancelNotice: 'إلغاء النشرة',
    cancelled: 'ملغاة',
    withdraw: 'سحب',
    withdrawn: 'مسحوب',
    diffusionsEmpty: 'لا يوجد تعميم بانتظار التدقيق.',
    diffusionsHint: 'تُرسَل التعميمات فوراً؛ يدقّقها المركز لاحقاً ويسحب غير المطابق منها.',
    markCompliant: 'مطابق',
    compliant: 'ثبتت مطابقتها',
    decidedBy: 'قرّره {who} في {at}',
    from: 'من',
    recipients: 'إلى',
    title: 'العنوان',
    noticesEmpty: 'لا توجد نشرات هنا.',
    number: 'الرقم',
    owner: 'المالك',
    state: 'الحالة',
    publishedAt: 'تاريخ النشر',
    active: 'سارية',
    lapsed: 'منتهية',
    cancelOf: 'إلغاء {number}: {reason}',
  },
};
