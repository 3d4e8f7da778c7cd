import type { Catalog } from './strings';

type Key =
  | 'appName'
  | 'signIn'
  | 'signOut'
  | 'username'
  | 'password'
  | 'totp'
  | 'signInFailed'
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
