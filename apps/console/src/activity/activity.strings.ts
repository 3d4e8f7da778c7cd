import type { Catalog } from '../i18n/strings';

type Key =
  | 'title'
  | 'nav'
  | 'person'
  | 'action'
  | 'from'
  | 'to'
  | 'search'
  | 'older'
  | 'time'
  | 'actor'
  | 'role'
  | 'target'
  | 'purpose'
  | 'outcome'
  | 'post'
  | 'done'
  | 'refused'
  | 'none'
  | 'head'
  | 'anchored'
  | 'notAnchored'
  | 'exportTitle'
  | 'exportPurpose'
  | 'export'
  | 'exported';

export const ACTIVITY_STRINGS: Catalog<Key> = {
  en: {
    title: 'Activity log',
    nav: 'Activity',
    person: 'Person (user name)',
    action: 'Action',
    from: 'From',
    to: 'Until',
    search: 'Search',
    older: 'Older entries',
    time: 'Time',
    actor: 'Who',
    role: 'Role',
    target: 'About',
    purpose: 'Purpose',
    outcome: 'Outcome',
    post: 'Post',
    done: 'done',
    refused: 'refused ({code})',
    none: 'No entries.',
    head: 'The log holds {size} entries.',
    anchored: 'Last anchored in the gateway ledger at {size} entries (ledger entry {index}, {at}).',
    notAnchored: 'Not yet anchored in the gateway ledger.',
    exportTitle: 'Export (JSON Lines)',
    exportPurpose: 'Purpose of the export',
    export: 'Export',
    exported: 'Exported; the export itself is in the log.',
  },
  fr: {
    title: "Journal d'activité",
    nav: 'Activité',
    person: "Personne (nom d'utilisateur)",
    action: 'Action',
    from: 'Du',
    to: "Jusqu'au",
    search: 'Rechercher',
    older: 'Entrées plus anciennes',
    time: 'Heure',
    actor: 'Qui',
    role: 'Rôle',
    target: 'Objet',
    purpose: 'Finalité',
    outcome: 'Résultat',
    post: 'Poste',
    done: 'effectué',
    refused: 'refusé ({code})',
    none: 'Aucune entrée.',
    head: 'Le journal compte {size} entrées.',
    anchored: 'Dernier ancrage dans le registre de la passerelle à {size} entrées (entrée {index}, {at}).',
    notAnchored: 'Pas encore ancré dans le registre de la passerelle.',
    exportTitle: 'Exporter (JSON Lines)',
    exportPurpose: "Finalité de l'export",
    export: 'Exporter',
    exported: "Exporté ; l'export figure lui-même au journal.",
  },
  es: {
    title: 'Registro de actividad',
    nav: 'Actividad',
    person: 'Persona (nombre de usuario)',
    action: 'Acción',
    from: 'Desde',
    to: 'Hasta',
    search: 'Buscar',
    older: 'Entradas anteriores',
    time: 'Hora',
    actor: 'Quién',
    role: 'Función',
    target: 'Objeto',
    purpose: 'Finalidad',
    outcome: 'Resultado',
    post: 'Puesto',
    done: 'hecho',
    refused: 'rechazado ({code})',
    none: 'No hay entradas.',
    head: 'El registro tiene {size} entradas.',
    anchored: 'Anclado por última vez en el libro de la pasarela con {size} entradas (entrada {index}, {at}).',
    notAnchored: 'Aún no anclado en el libro de la pasarela.',
    exportTitle: 'Exportar (JSON Lines)',
    exportPurpose: 'Finalidad de la exportación',
    export: 'Exportar',
    exported: 'Exportado; la exportación consta también en el registro.',
  },
  ar: {
    title: 'سجل النشاط',
    nav: 'النشاط',
    person: 'الشخص (اسم المستخدم)',
    action: 'الإجراء',
    from: 'من',
    to: 'حتى',
    search: 'بحث',
    older: 'إدخالات أقدم',
    time: 'الوقت',
    actor: 'من قام به',
    role: 'الدور',
    target: 'بخصوص',
    purpose: 'الغرض',
    outcome: 'النتيجة',
    post: 'المركز',
    done: 'تم',
    refused: 'مرفوض ({code})',
    none: 'لا توجد إدخالات.',
    head: 'يضم السجل {size} إدخالًا.',
    anchored: 'آخر تثبيت في سجل البوابة عند {size} إدخالًا (الإدخال {index}، {at}).',
    notAnchored: 'لم يُثبَّت بعد في سجل البوابة.',
    exportTitle: 'تصدير (JSON Lines)',
    exportPurpose: 'الغرض من التصدير',
    export: 'تصدير',
    exported: 'تم التصدير؛ والتصدير نفسه مسجل في السجل.',
  },
};
