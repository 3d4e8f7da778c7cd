import type { Catalog } from '../i18n/strings';

type Key =
  | 'myAccount'
  | 'people'
  | 'preferencesTitle'
  | 'timeZone'
  | 'displayName'
  | 'saved'
  | 'passwordTitle'
  | 'currentPassword'
  | 'currentPasswordHint'
  | 'newPassword'
  | 'repeatPassword'
  | 'passwordsDiffer'
  | 'changePassword'
  | 'passwordChanged'
  | 'totpTitle'
  | 'totpOn'
  | 'totpOff'
  | 'totpStart'
  | 'totpScan'
  | 'totpSecret'
  | 'totpUri'
  | 'totpCode'
  | 'totpConfirm'
  | 'totpRemove'
  | 'totpEnabled'
  | 'totpRemoved'
  | 'tokensTitle'
  | 'tokensHelp'
  | 'tokenName'
  | 'tokenExpiry'
  | 'createToken'
  | 'newToken'
  | 'tokenShownOnce'
  | 'tokenCreated'
  | 'tokenLastUsed'
  | 'tokenExpires'
  | 'never'
  | 'revoke'
  | 'revoked'
  | 'noTokens'
  | 'newPerson'
  | 'roles'
  | 'borderPost'
  | 'borderPostNeeded'
  | 'rolesNeeded'
  | 'status'
  | 'lastSignIn'
  | 'active'
  | 'disabled'
  | 'lockedUntil'
  | 'create'
  | 'edit'
  | 'disable'
  | 'enable'
  | 'unlock'
  | 'signInLink'
  | 'linkFor'
  | 'created'
  | 'changed'
  | 'actions'
  | 'noPeople'
  | 'editing'
  | 'roleAdmin'
  | 'roleAuditor'
  | 'roleOfficer'
  | 'roleBorderOfficer'
  | 'roleCoordinator'
  | 'roleReviewer';

export const PEOPLE_STRINGS: Catalog<Key> = {
  en: {
    myAccount: 'My account',
    people: 'People',
    preferencesTitle: 'Name, language and time zone',
    timeZone: 'Time zone',
    displayName: 'Display name',
    saved: 'Saved.',
    passwordTitle: 'Password',
    currentPassword: 'Current password',
    currentPasswordHint: 'Leave it empty if you came by a one-time link and have no password yet.',
    newPassword: 'New password',
    repeatPassword: 'Repeat the new password',
    passwordsDiffer: 'The two new passwords differ.',
    changePassword: 'Change password',
    passwordChanged: 'Password changed.',
    totpTitle: 'Second factor (one-time codes)',
    totpOn: 'On: signing in asks for a code from your authenticator app.',
    totpOff: 'Off: signing in asks for your password only.',
    totpStart: 'Set up a second factor',
    totpScan:
      'Add this key to your authenticator app (type the secret, or open the otpauth link on this device), then enter the code it shows.',
    totpSecret: 'Secret',
    totpUri: 'otpauth link',
    totpCode: 'Code from the app',
    totpConfirm: 'Confirm',
    totpRemove: 'Remove the second factor',
    totpEnabled: 'Second factor on.',
    totpRemoved: 'Second factor removed.',
    tokensTitle: 'Personal API tokens',
    tokensHelp:
      'For scripts and the bureaunet command: sent as "Authorization: Bearer …", acting as you. Revoking one takes effect at once.',
    tokenName: 'Token name',
    tokenExpiry: 'Expires after (days; empty: never)',
    createToken: 'Create token',
    newToken: 'New token {name}',
    tokenShownOnce: 'Copy it now: it is not shown again.',
    tokenCreated: 'Created',
    tokenLastUsed: 'Last used',
    tokenExpires: 'Expires',
    never: 'never',
    revoke: 'Revoke',
    revoked: 'Token {name} revoked.',
    noTokens: 'No tokens.',
    newPerson: 'New person',
    roles: 'Roles',
    borderPost: 'Border post',
    borderPostNeeded: 'A border officer needs a border post.',
    rolesNeeded: 'Choose at least one role.',
    status: 'Status',
    lastSignIn: 'Last sign-in',
    active: 'active',
    disabled: 'disabled',
    lockedUntil: 'locked until {time}',
    create: 'Create',
    edit: 'Edit',
    disable: 'Disable',
    enable: 'Enable',
    unlock: 'Unlock',
    signInLink: 'Sign-in link',
    linkFor: 'One-time sign-in link for {name}, valid once until {time}:',
    created: '{name} created.',
    changed: '{name} saved.',
    actions: 'Actions',
    noPeople: 'No people yet.',
    editing: 'Edit {name}',
    roleAdmin: 'Administrator',
    roleAuditor: 'Auditor',
    roleOfficer: 'Officer',
    roleBorderOfficer: 'Border officer',
    roleCoordinator: 'Coordinator',
    roleReviewer: 'Reviewer',
  },
  fr: {
    myAccount: 'Mon compte',
    people: 'Personnes',
    preferencesTitle: 'Nom, langue et fuseau horaire',
    timeZone: 'Fuseau horaire',
    displayName: 'Nom affiché',
    saved: 'Enregistré.',
    passwordTitle: 'Mot de passe',
    currentPassword: 'Mot de passe actuel',
    currentPasswordHint:
      "Laissez vide si vous êtes venu par un lien à usage unique et n'avez pas encore de mot de passe.",
    newPassword: 'Nouveau mot de passe',
    repeatPassword: 'Répétez le nouveau mot de passe',
    passwordsDiffer: 'Les deux nouveaux mots de passe diffèrent.',
    changePassword: 'Changer le mot de passe',
    passwordChanged: 'Mot de passe changé.',
    totpTitle: 'Second facteur (codes à usage unique)',
    totpOn: "Activé : la connexion demande un code de votre application d'authentification.",
    totpOff: 'Désactivé : la connexion ne demande que le mot de passe.',
    totpStart: 'Configurer un second facteur',
    totpScan:
      "Ajoutez cette clé à votre application d'authentification (saisissez le secret, ou ouvrez le lien otpauth sur cet appareil), puis entrez le code affiché.",
    totpSecret: 'Secret',
    totpUri: 'Lien otpauth',
    totpCode: "Code de l'application",
    totpConfirm: 'Confirmer',
    totpRemove: 'Retirer le second facteur',
    totpEnabled: 'Second facteur activé.',
    totpRemoved: 'Second facteur retiré.',
    tokensTitle: "Jetons d'API personnels",
    tokensHelp:
      'Pour les scripts et la commande bureaunet : envoyés comme « Authorization: Bearer … », en votre nom. La révocation prend effet immédiatement.',
    tokenName: 'Nom du jeton',
    tokenExpiry: 'Expire après (jours ; vide : jamais)',
    createToken: 'Créer le jeton',
    newToken: 'Nouveau jeton {name}',
    tokenShownOnce: 'Copiez-le maintenant : il ne sera plus affiché.',
    tokenCreated: 'Créé',
    tokenLastUsed: 'Dernière utilisation',
    tokenExpires: 'Expire',
    never: 'jamais',
    revoke: 'Révoquer',
    revoked: 'Jeton {name} révoqué.',
    noTokens: 'Aucun jeton.',
    newPerson: 'Nouvelle personne',
    roles: 'Rôles',
    borderPost: 'Poste frontière',
    borderPostNeeded: 'Un agent aux frontières a besoin d’un poste frontière.',
    rolesNeeded: 'Choisissez au moins un rôle.',
    status: 'État',
    lastSignIn: 'Dernière connexion',
    active: 'actif',
    disabled: 'désactivé',
    lockedUntil: 'verrouillé jusqu’à {time}',
    create: 'Créer',
    edit: 'Modifier',
    disable: 'Désactiver',
    enable: 'Réactiver',
    unlock: 'Déverrouiller',
    signInLink: 'Lien de connexion',
    linkFor: 'Lien de connexion à usage unique pour {name}, valable une fois jusqu’à {time} :',
    created: '{name} créé.',
    changed: '{name} enregistré.',
    actions: 'Actions',
    noPeople: 'Aucune personne pour l’instant.',
    editing: 'Modifier {name}',
    roleAdmin: 'Administrateur',
    roleAuditor: 'Auditeur',
    roleOfficer: 'Officier',
    roleBorderOfficer: 'Agent aux frontières',
    roleCoordinator: 'Coordinateur',
    roleReviewer: 'Réviseur',
  },
  es: {
    myAccount: 'Mi cuenta',
    people: 'Personas',
    preferencesTitle: 'Nombre, idioma y zona horaria',
    timeZone: 'Zona horaria',
    displayName: 'Nombre visible',
    saved: 'Guardado.',
    passwordTitle: 'Contraseña',
    currentPassword: 'Contraseña actual',
    currentPasswordHint: 'Déjela vacía si llegó con un enlace de un solo uso y aún no tiene contraseña.',
    newPassword: 'Contraseña nueva',
    repeatPassword: 'Repita la contraseña nueva',
    passwordsDiffer: 'Las dos contraseñas nuevas no coinciden.',
    changePassword: 'Cambiar la contraseña',
    passwordChanged: 'Contraseña cambiada.',
    totpTitle: 'Segundo factor (códigos de un solo uso)',
    totpOn: 'Activado: al iniciar sesión se pide un código de su aplicación de autenticación.',
    totpOff: 'Desactivado: al iniciar sesión solo se pide la contraseña.',
    totpStart: 'Configurar un segundo factor',
    totpScan:
      'Añada esta clave a su aplicación de autenticación (escriba el secreto o abra el enlace otpauth en este dispositivo) y escriba el código que muestra.',
    totpSecret: 'Secreto',
    totpUri: 'Enlace otpauth',
    totpCode: 'Código de la aplicación',
    totpConfirm: 'Confirmar',
    totpRemove: 'Quitar el segundo factor',
    totpEnabled: 'Segundo factor activado.',
    totpRemoved: 'Segundo factor quitado.',
    tokensTitle: 'Tokens de API personales',
    tokensHelp:
      'Para scripts y el comando bureaunet: se envían como «Authorization: Bearer …» y actúan en su nombre. Revocar uno surte efecto al instante.',
    tokenName: 'Nombre del token',
    tokenExpiry: 'Caduca tras (días; vacío: nunca)',
    createToken: 'Crear token',
    newToken: 'Token nuevo {name}',
    tokenShownOnce: 'Cópielo ahora: no se volverá a mostrar.',
    tokenCreated: 'Creado',
    tokenLastUsed: 'Último uso',
    tokenExpires: 'Caduca',
    never: 'nunca',
    revoke: 'Revocar',
    revoked: 'Token {name} revocado.',
    noTokens: 'Ningún token.',
    newPerson: 'Persona nueva',
    roles: 'Funciones',
    borderPost: 'Puesto fronterizo',
    borderPostNeeded: 'Un agente de fronteras necesita un puesto fronterizo.',
    rolesNeeded: 'Elija al menos una función.',
    status: 'Estado',
    lastSignIn: 'Último inicio de sesión',
    active: 'activa',
    disabled: 'desactivada',
    lockedUntil: 'bloqueada hasta {time}',
    create: 'Crear',
    edit: 'Editar',
    disable: 'Desactivar',
    enable: 'Reactivar',
    unlock: 'Desbloquear',
    signInLink: 'Enlace de acceso',
    linkFor: 'Enlace de acceso de un solo uso para {name}, válido una vez hasta {time}:',
    created: '{name} creada.',
    changed: '{name} guardada.',
    actions: 'Acciones',
    noPeople: 'Todavía no hay personas.',
    editing: 'Editar {name}',
    roleAdmin: 'Administrador',
    roleAuditor: 'Auditor',
    roleOfficer: 'Oficial',
    roleBorderOfficer: 'Agente de fronteras',
    roleCoordinator: 'Coordinador',
    roleReviewer: 'Revisor',
  },
  ar: {
    myAccount: 'حسابي',
    people: 'الأشخاص',
    preferencesTitle: 'الاسم واللغة والمنطقة الزمنية',
    timeZone: 'المنطقة الزمنية',
    displayName: 'الاسم المعروض',
    saved: 'تم الحفظ.',
    passwordTitle: 'كلمة المرور',
    currentPassword: 'كلمة المرور الحالية',
    currentPasswordHint: 'اتركها فارغة إن دخلت برابط لمرة واحدة وليست لديك كلمة مرور بعد.',
    newPassword: 'كلمة المرور الجديدة',
    repeatPassword: 'أعد كتابة كلمة المرور الجديدة',
    passwordsDiffer: 'كلمتا المرور الجديدتان مختلفتان.',
    changePassword: 'تغيير كلمة المرور',
    passwordChanged: 'تم تغيير كلمة المرور.',
    totpTitle: 'العامل الثاني (رموز لمرة واحدة)',
    totpOn: 'مفعّل: يطلب تسجيل الدخول رمزًا من تطبيق المصادقة.',
    totpOff: 'غير مفعّل: يطلب تسجيل الدخول كلمة المرور فقط.',
    totpStart: 'إعداد عامل ثانٍ',
    totpScan:
      'أضف هذا المفتاح إلى تطبيق المصادقة (اكتب السر أو افتح رابط otpauth على هذا الجهاز)، ثم أدخل الرمز الذي يعرضه.',
    totpSecret: 'السر',
    totpUri: 'رابط otpauth',
    totpCode: 'الرمز من التطبيق',
    totpConfirm: 'تأكيد',
    totpRemove: 'إزالة العامل الثاني',
    totpEnabled: 'تم تفعيل العامل الثاني.',
    totpRemoved: 'تمت إزالة العامل الثاني.',
    tokensTitle: 'رموز الواجهة البرمجية الشخصية',
    tokensHelp: 'للنصوص البرمجية وأمر bureaunet: تُرسل بصيغة "Authorization: Bearer …" وتعمل باسمك. يسري الإلغاء فورًا.',
    tokenName: 'اسم الرمز',
    tokenExpiry: 'ينتهي بعد (أيام؛ فارغ: أبدًا)',
    createToken: 'إنشاء رمز',
    newToken: 'رمز جديد {name}',
    tokenShownOnce: 'انسخه الآن: لن يُعرض مرة أخرى.',
    tokenCreated: 'أُنشئ',
    tokenLastUsed: 'آخر استخدام',
    tokenExpires: 'ينتهي',
    never: 'أبدًا',
    revoke: 'إلغاء',
    revoked: 'تم إلغاء الرمز {name}.',
    noTokens: 'لا توجد رموز.',
    newPerson: 'شخص جديد',
    roles: 'الأدوار',
    borderPost: 'المركز الحدودي',
    borderPostNeeded: 'يحتاج ضابط الحدود إلى مركز حدودي.',
    rolesNeeded: 'اختر دورًا واحدًا على الأقل.',
    status: 'الحالة',
    lastSignIn: 'آخر تسجيل دخول',
    active: 'نشط',
    disabled: 'معطّل',
    lockedUntil: 'مقفل حتى {time}',
    create: 'إنشاء',
    edit: 'تعديل',
    disable: 'تعطيل',
    enable: 'تفعيل',
    unlock: 'فتح القفل',
    signInLink: 'رابط الدخول',
    linkFor: 'رابط دخول لمرة واحدة لـ {name}، صالح مرة واحدة حتى {time}:',
    created: 'تم إنشاء {name}.',
    changed: 'تم حفظ {name}.',
    actions: 'إجراءات',
    noPeople: 'لا يوجد أشخاص بعد.',
    editing: 'تعديل {name}',
    roleAdmin: 'مسؤول',
    roleAuditor: 'مدقق',
    roleOfficer: 'ضابط',
    roleBorderOfficer: 'ضابط حدود',
    roleCoordinator: 'منسق',
    roleReviewer: 'مراجع',
  },
};
