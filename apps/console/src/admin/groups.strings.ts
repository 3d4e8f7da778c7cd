import type { Catalog } from '../i18n/strings';

type Key =
  | 'groupsTitle'
  | 'intro'
  | 'noGroups'
  | 'id'
  | 'name'
  | 'kind'
  | 'members'
  | 'membersHint'
  | 'region'
  | 'schengen'
  | 'custom'
  | 'edit'
  | 'newGroup'
  | 'preview'
  | 'save'
  | 'cancel'
  | 'added'
  | 'removed'
  | 'none'
  | 'namedBy'
  | 'decisionsChange'
  | 'noDecisionChanges'
  | 'truncated'
  | 'allow'
  | 'deny'
  | 'saved'
  | 'previewFirst';

export const GROUPS_STRINGS: Catalog<Key> = {
  en: {
    groupsTitle: 'Country groups',
    intro: 'Groups are parents of their members in the access rules and can be addressed as group:<id>.',
    noGroups: 'No country group.',
    id: 'Id',
    name: 'Name',
    kind: 'Kind',
    members: 'Members',
    membersHint: 'Bureau codes separated by commas',
    region: 'region',
    schengen: 'Schengen',
    custom: 'custom',
    edit: 'Edit members',
    newGroup: 'New group',
    preview: 'Preview the change',
    save: 'Save',
    cancel: 'Cancel',
    added: 'Members added: {codes}',
    removed: 'Members removed: {codes}',
    none: 'none',
    namedBy: 'Policies naming this group: {policies}',
    decisionsChange: 'Decisions that change',
    noDecisionChanges: 'No decision changes.',
    truncated: 'Stopped after {count} decisions: more may change.',
    allow: 'allowed',
    deny: 'refused',
    saved: 'Saved: rules version {version}.',
    previewFirst: 'Preview the change before saving it.',
  },
  fr: {
    groupsTitle: 'Groupes de pays',
    intro: 'Les groupes sont les parents de leurs membres dans les règles d’accès et se désignent par group:<id>.',
    noGroups: 'Aucun groupe de pays.',
    id: 'Identifiant',
    name: 'Nom',
    kind: 'Type',
    members: 'Membres',
    membersHint: 'Codes de bureaux séparés par des virgules',
    region: 'région',
    schengen: 'Schengen',
    custom: 'personnalisé',
    edit: 'Modifier les membres',
    newGroup: 'Nouveau groupe',
    preview: 'Prévisualiser la modification',
    save: 'Enregistrer',
    cancel: 'Annuler',
    added: 'Membres ajoutés : {codes}',
    removed: 'Membres retirés : {codes}',
    none: 'aucun',
    namedBy: 'Règles qui nomment ce groupe : {policies}',
    decisionsChange: 'Décisions qui changent',
    noDecisionChanges: 'Aucune décision ne change.',
    truncated: 'Arrêté après {count} décisions : d’autres peuvent changer.',
    allow: 'autorisé',
    deny: 'refusé',
    saved: 'Enregistré : version des règles {version}.',
    previewFirst: 'Prévisualisez la modification avant de l’enregistrer.',
  },
  es: {
    groupsTitle: 'Grupos de países',
    intro: 'Los grupos son padres de sus miembros en las reglas de acceso y se designan como group:<id>.',
    noGroups: 'Ningún grupo de países.',
    id: 'Identificador',
    name: 'Nombre',
    kind: 'Tipo',
    members: 'Miembros',
    membersHint: 'Códigos de oficinas separados por comas',
    region: 'región',
    schengen: 'Schengen',
    custom: 'personalizado',
    edit: 'Editar miembros',
    newGroup: 'Nuevo grupo',
    preview: 'Previsualizar el cambio',
    save: 'Guardar',
    cancel: 'Cancelar',
    added: 'Miembros añadidos: {codes}',
    removed: 'Miembros retirados: {codes}',
    none: 'ninguno',
    namedBy: 'Reglas que nombran este grupo: {policies}',
    decisionsChange: 'Decisiones que cambian',
    noDecisionChanges: 'Ninguna decisión cambia.',
    truncated: 'Detenido tras {count} decisiones: otras pueden cambiar.',
    allow: 'permitido',
    deny: 'denegado',
    saved: 'Guardado: versión de las reglas {version}.',
    previewFirst: 'Previsualice el cambio antes de guardarlo.',
  },
  ar: {
    groupsTitle: 'مجموعات البلدان',
    intro: 'المجموعات هي آباء أعضائها في قواعد الوصول، ويمكن مخاطبتها بـ group:<id>.',
    noGroups: 'لا توجد مجموعة بلدان.',
    id: 'المعرّف',
    name: 'الاسم',
    kind: 'النوع',
    members: 'الأعضاء',
    membersHint: 'رموز المكاتب مفصولة بفواصل',
    region: 'منطقة',
    schengen: 'شنغن',
    custom: 'مخصصة',
    edit: 'تعديل الأعضاء',
    newGroup: 'مجموعة جديدة',
    preview: 'معاينة التغيير',
    save: 'حفظ',
    cancel: 'إلغاء',
    added: 'الأعضاء المضافون: {codes}',
    removed: 'الأعضاء المحذوفون: {codes}',
    none: 'لا أحد',
    namedBy: 'القواعد التي تسمّي هذه المجموعة: {policies}',
    decisionsChange: 'القرارات التي تتغير',
    noDecisionChanges: 'لا يتغير أي قرار.',
    truncated: 'توقف بعد {count} قرارًا: قد تتغير قرارات أخرى.',
    allow: 'مسموح',
    deny: 'مرفوض',
    saved: 'تم الحفظ: إصدار القواعد {version}.',
    previewFirst: 'عاين التغيير قبل حفظه.',
  },
};
