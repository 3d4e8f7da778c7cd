import type { Catalog } from '../i18n/strings';

type Key =
  | 'navConsent'
  | 'handling'
  | 'handlingHint'
  | 'handling_H0'
  | 'handling_H1'
  | 'handling_H2'
  | 'handling_H3'
  | 'explain_H0'
  | 'explain_H1'
  | 'explain_H2'
  | 'explain_H3'
  | 'conditions'
  | 'allowTo'
  | 'allowToHint'
  | 'allowToNone'
  | 'handlingExpires'
  | 'keptFromOriginal'
  | 'consents'
  | 'askOwner'
  | 'askOwnerHint'
  | 'purpose'
  | 'purpose_onward-sharing'
  | 'purpose_evidence'
  | 'purpose_coercive-action'
  | 'bureaus'
  | 'note'
  | 'ask'
  | 'asked'
  | 'consentTitle'
  | 'incoming'
  | 'outgoing'
  | 'noConsents'
  | 'message'
  | 'asker'
  | 'owner'
  | 'consentState'
  | 'consent_pending'
  | 'consent_granted'
  | 'consent_refused'
  | 'consent_expired'
  | 'grantUntil'
  | 'grant'
  | 'refuse'
  | 'reason'
  | 'sharingGranted'
  | 'useGranted'
  | 'refusedBecause';

export const CONSENT_STRINGS: Catalog<Key> = {
  en: {
    navConsent: 'Consent',
    handling: 'Handling code',
    handlingHint: 'What the recipients may do with it; a forward or reply keeps at least this code.',
    handling_H0: 'H0: law-enforcement use',
    handling_H1: 'H1: not as evidence without consent',
    handling_H2: 'H2: no coercive action without consent',
    handling_H3: 'H3: restrictions of the owner',
    explain_H0: 'May be used for law-enforcement purposes.',
    explain_H1: 'Not to be used as evidence in court without the consent of the owner.',
    explain_H2: 'No coercive action (arrest, search, seizure) on it without the consent of the owner.',
    explain_H3: 'The owner’s own restrictions below hold, for every forward and reply.',
    conditions: 'Conditions',
    allowTo: 'May be passed on to',
    allowToHint: 'Country codes separated by commas (empty: no allow-list)',
    allowToNone: 'nobody but the owner',
    handlingExpires: 'Passed on to nobody after',
    keptFromOriginal: 'Kept from the original: {code}',
    consents: 'Consent of the owner',
    askOwner: 'Ask the owner',
    askOwnerHint: 'A signed request to {owner}, who owns this information.',
    purpose: 'Purpose',
    'purpose_onward-sharing': 'Share it with other bureaus',
    purpose_evidence: 'Use it as evidence',
    'purpose_coercive-action': 'Take coercive action',
    bureaus: 'Bureaus',
    note: 'Note for the owner',
    ask: 'Send the request',
    asked: 'Request sent.',
    consentTitle: 'Consent requests',
    incoming: 'Asked of this bureau',
    outgoing: 'Asked by this bureau',
    noConsents: 'No consent requests.',
    message: 'Message',
    asker: 'Asked by',
    owner: 'Owner',
    consentState: 'State',
    consent_pending: 'Waiting for the owner',
    consent_granted: 'Granted',
    consent_refused: 'Refused',
    consent_expired: 'Expired',
    grantUntil: 'Grant until',
    grant: 'Grant',
    refuse: 'Refuse',
    reason: 'Reason',
    sharingGranted: 'Consent to share with {bureaus} until {until}',
    useGranted: '{purpose}: granted until {until}',
    refusedBecause: 'Refused: {reason}',
  },
  fr: {
    navConsent: 'Consentement',
    handling: 'Code de traitement',
    handlingHint: 'Ce que les destinataires peuvent en faire ; un transfert ou une réponse garde au moins ce code.',
    handling_H0: 'H0 : usage à des fins répressives',
    handling_H1: 'H1 : pas comme preuve sans consentement',
    handling_H2: 'H2 : aucune mesure coercitive sans consentement',
    handling_H3: 'H3 : restrictions du propriétaire',
    explain_H0: 'Peut être utilisé à des fins répressives.',
    explain_H1: 'Ne pas utiliser comme preuve en justice sans le consentement du propriétaire.',
    explain_H2: 'Aucune mesure coercitive (arrestation, perquisition, saisie) sans le consentement du propriétaire.',
    explain_H3: 'Les restrictions du propriétaire ci-dessous s’appliquent à chaque transfert et réponse.',
    conditions: 'Conditions',
    allowTo: 'Peut être transmis à',
    allowToHint: 'Codes pays séparés par des virgules (vide : pas de liste)',
    allowToNone: 'personne d’autre que le propriétaire',
    handlingExpires: 'Transmis à personne après',
    keptFromOriginal: 'Repris de l’original : {code}',
    consents: 'Consentement du propriétaire',
    askOwner: 'Demander au propriétaire',
    askOwnerHint: 'Une demande signée à {owner}, propriétaire de cette information.',
    purpose: 'Finalité',
    'purpose_onward-sharing': 'La partager avec d’autres bureaux',
    purpose_evidence: 'L’utiliser comme preuve',
    'purpose_coercive-action': 'Prendre une mesure coercitive',
    bureaus: 'Bureaux',
    note: 'Note pour le propriétaire',
    ask: 'Envoyer la demande',
    asked: 'Demande envoyée.',
    consentTitle: 'Demandes de consentement',
    incoming: 'Adressées à ce bureau',
    outgoing: 'Faites par ce bureau',
    noConsents: 'Aucune demande de consentement.',
    message: 'Message',
    asker: 'Demandé par',
    owner: 'Propriétaire',
    consentState: 'État',
    consent_pending: 'En attente du propriétaire',
    consent_granted: 'Accordé',
    consent_refused: 'Refusé',
    consent_expired: 'Expiré',
    grantUntil: 'Accorder jusqu’au',
    grant: 'Accorder',
    refuse: 'Refuser',
    reason: 'Motif',
    sharingGranted: 'Consentement au partage avec {bureaus} jusqu’au {until}',
    useGranted: '{purpose} : accordé jusqu’au {until}',
    refusedBecause: 'Refusé : {reason}',
  },
  es: {
    navConsent: 'Consentimiento',
    handling: 'Código de tratamiento',
    handlingHint:
      'Lo que los destinatarios pueden hacer con ello; un reenvío o respuesta mantiene al menos este código.',
    handling_H0: 'H0: uso policial',
    handling_H1: 'H1: no como prueba sin consentimiento',
    handling_H2: 'H2: ninguna medida coercitiva sin consentimiento',
    handling_H3: 'H3: restricciones del propietario',
    explain_H0: 'Puede utilizarse con fines policiales.',
    explain_H1: 'No debe utilizarse como prueba ante un tribunal sin el consentimiento del propietario.',
    explain_H2: 'Ninguna medida coercitiva (detención, registro, incautación) sin el consentimiento del propietario.',
    explain_H3: 'Las restricciones del propietario indicadas abajo rigen para cada reenvío y respuesta.',
    conditions: 'Condiciones',
    allowTo: 'Puede transmitirse a',
    allowToHint: 'Códigos de país separados por comas (vacío: sin lista)',
    allowToNone: 'nadie salvo el propietario',
    handlingExpires: 'No se transmite a nadie después del',
    keptFromOriginal: 'Mantenido del original: {code}',
    consents: 'Consentimiento del propietario',
    askOwner: 'Pedir al propietario',
    askOwnerHint: 'Una solicitud firmada a {owner}, propietario de esta información.',
    purpose: 'Finalidad',
    'purpose_onward-sharing': 'Compartirla con otras oficinas',
    purpose_evidence: 'Usarla como prueba',
    'purpose_coercive-action': 'Tomar una medida coercitiva',
    bureaus: 'Oficinas',
    note: 'Nota para el propietario',
    ask: 'Enviar la solicitud',
    asked: 'Solicitud enviada.',
    consentTitle: 'Solicitudes de consentimiento',
    incoming: 'Dirigidas a esta oficina',
    outgoing: 'Hechas por esta oficina',
    noConsents: 'No hay solicitudes de consentimiento.',
    message: 'Mensaje',
    asker: 'Solicitado por',
    owner: 'Propietario',
    consentState: 'Estado',
    consent_pending: 'En espera del propietario',
    consent_granted: 'Concedido',
    consent_refused: 'Denegado',
    consent_expired: 'Caducado',
    grantUntil: 'Conceder hasta',
    grant: 'Conceder',
    refuse: 'Denegar',
    reason: 'Motivo',
    sharingGranted: 'Consentimiento para compartir con {bureaus} hasta el {until}',
    useGranted: '{purpose}: concedido hasta el {until}',
    refusedBecause: 'Denegado: {reason}',
  },
  ar: {
    navConsent: 'الموافقة',
    handling: 'رمز المعالجة',
    handlingHint: 'ما يجوز للمستلمين فعله بها؛ تحتفظ إعادة التوجيه أو الرد بهذا الرمز على الأقل.',
    handling_H0: 'H0: استخدام لأغراض إنفاذ القانون',
    handling_H1: 'H1: لا تُستخدم دليلاً دون موافقة',
    handling_H2: 'H2: لا إجراء قسرياً دون موافقة',
    handling_H3: 'H3: قيود المالك',
    explain_H0: 'يجوز استخدامها لأغراض إنفاذ القانون.',
    explain_H1: 'لا تُستخدم دليلاً أمام المحكمة دون موافقة المالك.',
    explain_H2: 'لا يُتخذ أي إجراء قسري (توقيف، تفتيش، حجز) بناءً عليها دون موافقة المالك.',
    explain_H3: 'تسري قيود المالك أدناه على كل إعادة توجيه ورد.',
    conditions: 'الشروط',
    allowTo: 'يجوز إحالتها إلى',
    allowToHint: 'رموز البلدان مفصولة بفواصل (فارغ: بلا قائمة)',
    allowToNone: 'لا أحد سوى المالك',
    handlingExpires: 'لا تُحال إلى أحد بعد',
    keptFromOriginal: 'مأخوذ من الأصل: {code}',
    consents: 'موافقة المالك',
    askOwner: 'اطلب من المالك',
    askOwnerHint: 'طلب موقّع إلى {owner}، مالك هذه المعلومات.',
    purpose: 'الغرض',
    'purpose_onward-sharing': 'مشاركتها مع مكاتب أخرى',
    purpose_evidence: 'استخدامها دليلاً',
    'purpose_coercive-action': 'اتخاذ إجراء قسري',
    bureaus: 'المكاتب',
    note: 'ملاحظة للمالك',
    ask: 'أرسل الطلب',
    asked: 'أُرسل الطلب.',
    consentTitle: 'طلبات الموافقة',
    incoming: 'الموجهة إلى هذا المكتب',
    outgoing: 'المقدمة من هذا المكتب',
    noConsents: 'لا توجد طلبات موافقة.',
    message: 'الرسالة',
    asker: 'مقدم الطلب',
    owner: 'المالك',
    consentState: 'الحالة',
    consent_pending: 'بانتظار المالك',
    consent_granted: 'ممنوحة',
    consent_refused: 'مرفوضة',
    consent_expired: 'منتهية',
    grantUntil: 'منح حتى',
    grant: 'منح',
    refuse: 'رفض',
    reason: 'السبب',
    sharingGranted: 'موافقة على المشاركة مع {bureaus} حتى {until}',
    useGranted: '{purpose}: ممنوحة حتى {until}',
    refusedBecause: 'مرفوضة: {reason}',
  },
};
