import type { Catalog } from '../i18n/strings';

type Key =
  | 'nav'
  | 'title'
  | 'hint'
  | 'show'
  | 'state_open'
  | 'state_overdue'
  | 'state_answered'
  | 'state_escalated'
  | 'empty'
  | 'request'
  | 'from'
  | 'priority'
  | 'dueAt'
  | 'state'
  | 'escalated'
  | 'priority_routine'
  | 'priority_urgent'
  | 'priority_immediate';

/** The requests received here with their deadlines (officers answer them; reviewers follow up the escalated ones). */
export const DUE_REQUESTS_STRINGS: Catalog<Key> = {
  en: {
    nav: 'Requests due',
    title: 'Requests received, due first',
    hint: 'Queries and requests from other bureaus, with the time their sender needs the answer. A reply (a message answering it) marks one answered; one past due unanswered is escalated to the reviewers.',
    show: 'Show',
    state_open: 'To answer',
    state_overdue: 'Overdue',
    state_answered: 'Answered',
    state_escalated: 'Escalated',
    empty: 'No request in this list.',
    request: 'Request',
    from: 'From',
    priority: 'Priority',
    dueAt: 'Due',
    state: 'State',
    escalated: 'Escalated {at}',
    priority_routine: 'Routine',
    priority_urgent: 'Urgent',
    priority_immediate: 'Immediate',
  },
  fr: {
    nav: 'Demandes à échéance',
    title: 'Demandes reçues, par échéance',
    hint: "Requêtes et demandes des autres bureaux, avec l'heure à laquelle l'expéditeur attend la réponse. Une réponse (un message qui y répond) la marque comme traitée ; une demande échue sans réponse est signalée aux réviseurs.",
    show: 'Afficher',
    state_open: 'À traiter',
    state_overdue: 'En retard',
    state_answered: 'Traitées',
    state_escalated: 'Signalées',
    empty: 'Aucune demande dans cette liste.',
    request: 'Demande',
    from: 'De',
    priority: 'Priorité',
    dueAt: 'Échéance',
    state: 'État',
    escalated: 'Signalée {at}',
    priority_routine: 'Routine',
    priority_urgent: 'Urgente',
    priority_immediate: 'Immédiate',
  },
  es: {
    nav: 'Solicitudes con plazo',
    title: 'Solicitudes recibidas, por vencimiento',
    hint: 'Consultas y solicitudes de otras oficinas, con la hora en que el remitente necesita la respuesta. Una respuesta (un mensaje que la contesta) la marca como respondida; una vencida sin respuesta se escala a los revisores.',
    show: 'Mostrar',
    state_open: 'Por responder',
    state_overdue: 'Vencidas',
    state_answered: 'Respondidas',
    state_escalated: 'Escaladas',
    empty: 'No hay solicitudes en esta lista.',
    request: 'Solicitud',
    from: 'De',
    priority: 'Prioridad',
    dueAt: 'Vence',
    state: 'Estado',
    escalated: 'Escalada {at}',
    priority_routine: 'Ordinaria',
    priority_urgent: 'Urgente',
    priority_immediate: 'Inmediata',
  },
  ar: {
    nav: 'الطلبات المستحقة',
    title: 'الطلبات الواردة، الأقرب استحقاقًا أولًا',
    hint: 'الاستعلامات والطلبات الواردة من المكاتب الأخرى، مع الموعد الذي يحتاج فيه المرسل إلى الرد. يُعَدّ الطلب مُجابًا عند إرسال رد عليه؛ ويُصعَّد الطلب المتأخر دون رد إلى المراجعين.',
    show: 'عرض',
    state_open: 'بانتظار الرد',
    state_overdue: 'متأخرة',
    state_answered: 'مُجابة',
    state_escalated: 'مُصعَّدة',
    empty: 'لا توجد طلبات في هذه القائمة.',
    request: 'الطلب',
    from: 'من',
    priority: 'الأولوية',
    dueAt: 'موعد الاستحقاق',
    state: 'الحالة',
    escalated: 'صُعِّد في {at}',
    priority_routine: 'عادية',
    priority_urgent: 'عاجلة',
    priority_immediate: 'فورية',
  },
};
