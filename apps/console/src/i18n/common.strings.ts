import type { Catalog } from './strings';

type Key =
  | 'appName'
  | 'signIn'
  | 'signOut'
  | 'username'
  | 'password'
  | 'totp'
  | 'signInFailed'
  | 'signInWith'
  | 'ssoFailed'
  | 'ssoUnknownPerson'
  | 'loading'
  | 'language'
  | 'notAllowed'
  | 'notFound'
  | 'retry'
  | 'save'
  | 'cancel'
  | 'error';

export const COMMON_STRINGS: Catalog<Key> = {
  en: {
    appName: 'bureaunet',
    signIn: 'Sign in',
    signOut: 'Sign out',
    username: 'User name',
    password: 'Password',
    totp: 'One-time code',
    signInFailed: 'Sign-in failed: {reason}',
    signInWith: 'Sign in with {name}',
    ssoFailed: 'Single sign-on failed ({code}): try again',
    ssoUnknownPerson:
      'Your identity provider signed you in, but nobody here matches you: ask this bureau’s administrator to create your account.',
    loading: 'Loading…',
    language: 'Language',
    notAllowed: 'Your roles do not include this page.',
    notFound: 'There is no such page.',
    retry: 'Try again',
    save: 'Save',
    cancel: 'Cancel',
    error: 'Error: {reason}',
  },
  fr: {
    appName: 'bureaunet',
    signIn: 'Se connecter',
    signOut: 'Se déconnecter',
    username: "Nom d'utilisateur",
    password: 'Mot de passe',
    totp: 'Code à usage unique',
    signInFailed: 'Échec de la connexion : {reason}',
    signInWith: 'Se connecter avec {name}',
    ssoFailed: 'Échec de l’authentification unique ({code}) : réessayez',
    ssoUnknownPerson:
      'Votre fournisseur d’identité vous a authentifié, mais aucun compte ne vous correspond ici : demandez à l’administrateur de ce bureau de créer votre compte.',
    loading: 'Chargement…',
    language: 'Langue',
    notAllowed: 'Vos rôles ne donnent pas accès à cette page.',
    notFound: "Cette page n'existe pas.",
    retry: 'Réessayer',
    save: 'Enregistrer',
    cancel: 'Annuler',
    error: 'Erreur : {reason}',
  },
  es: {
    appName: 'bureaunet',
    signIn: 'Iniciar sesión',
    signOut: 'Cerrar sesión',
    username: 'Nombre de usuario',
    password: 'Contraseña',
    totp: 'Código de un solo uso',
    signInFailed: 'No se pudo iniciar sesión: {reason}',
    signInWith: 'Iniciar sesión con {name}',
    ssoFailed: 'Error en el inicio de sesión único ({code}): inténtelo de nuevo',
    ssoUnknownPerson:
      'Su proveedor de identidad le ha autenticado, pero aquí no hay ninguna cuenta a su nombre: pida al administrador de esta oficina que cree su cuenta.',
    loading: 'Cargando…',
    language: 'Idioma',
    notAllowed: 'Sus funciones no incluyen esta página.',
    notFound: 'Esta página no existe.',
    retry: 'Reintentar',
    save: 'Guardar',
    cancel: 'Cancelar',
    error: 'Error: {reason}',
  },
  ar: {
    appName: 'بيرونت',
    signIn: 'تسجيل الدخول',
    signOut: 'تسجيل الخروج',
    username: 'اسم المستخدم',
    password: 'كلمة المرور',
    totp: 'رمز لمرة واحدة',
    signInFailed: 'تعذّر تسجيل الدخول: {reason}',
    signInWith: 'تسجيل الدخول عبر {name}',
    ssoFailed: 'تعذّر تسجيل الدخول الموحّد ({code}): أعد المحاولة',
    ssoUnknownPerson: 'تحقّق مزوّد الهوية من هويتك، لكن لا يوجد حساب يطابقك هنا: اطلب من مسؤول هذا المكتب إنشاء حسابك.',
    loading: 'جارٍ التحميل…',
    language: 'اللغة',
    notAllowed: 'أدوارك لا تشمل هذه الصفحة.',
    notFound: 'هذه الصفحة غير موجودة.',
    retry: 'أعد المحاولة',
    save: 'حفظ',
    cancel: 'إلغاء',
    error: 'خطأ: {reason}',
  },
};
