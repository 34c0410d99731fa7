/** The shell's own words in the languages Clockify users most often pick; anything else falls back to English. */
const MESSAGES = {
  en: {
    tools: 'Add-on tools',
    explorer: 'API explorer',
    bootstrap: 'Data copy',
    webhooks: 'Webhooks',
    viewer: 'User {user} · workspace {workspace}',
    missingTitle: 'Open this page from Clockify',
    missingBody: 'This page needs the sign-in Clockify passes when it shows the add-on. Open the add-on from the Clockify sidebar.',
    expiredTitle: 'Your session has expired',
    expiredBody: 'Clockify sign-ins last 30 minutes. Reload the page to continue where you were.',
    reload: 'Reload',
  },
  de: {
    tools: 'Add-on-Werkzeuge',
    explorer: 'API-Explorer',
    bootstrap: 'Datenkopie',
    webhooks: 'Webhooks',
    viewer: 'Benutzer {user} · Arbeitsbereich {workspace}',
    missingTitle: 'Öffnen Sie diese Seite in Clockify',
    missingBody:
      'Diese Seite braucht die Anmeldung, die Clockify beim Anzeigen des Add-ons mitgibt. Öffnen Sie das Add-on über die Seitenleiste von Clockify.',
    expiredTitle: 'Ihre Sitzung ist abgelaufen',
    expiredBody: 'Anmeldungen in Clockify gelten 30 Minuten. Laden Sie die Seite neu, um fortzufahren.',
    reload: 'Neu laden',
  },
  fr: {
    tools: 'Outils du module',
    explorer: "Explorateur d'API",
    bootstrap: 'Copie des données',
    webhooks: 'Webhooks',
    viewer: 'Utilisateur {user} · espace de travail {workspace}',
    missingTitle: 'Ouvrez cette page depuis Clockify',
    missingBody:
      'Cette page a besoin de la connexion que Clockify transmet en affichant le module. Ouvrez le module depuis la barre latérale de Clockify.',
    expiredTitle: 'Votre session a expiré',
    expiredBody: 'Les connexions Clockify durent 30 minutes. Rechargez la page pour continuer.',
    reload: 'Recharger',
  },
  es: {
    tools: 'Herramientas del complemento',
    explorer: 'Explorador de API',
    bootstrap: 'Copia de datos',
    webhooks: 'Webhooks',
    viewer: 'Usuario {user} · espacio de trabajo {workspace}',
    missingTitle: 'Abra esta página desde Clockify',
    missingBody:
      'Esta página necesita el inicio de sesión que Clockify pasa al mostrar el complemento. Ábralo desde la barra lateral de Clockify.',
    expiredTitle: 'Su sesión ha caducado',
    expiredBody: 'Los inicios de sesión de Clockify duran 30 minutos. Recargue la página para continuar.',
    reload: 'Recargar',
  },
} as const;

export type MessageKey = keyof (typeof MESSAGES)['en'];
export type Language = keyof typeof MESSAGES;

/** The token's `language` claim (`EN`, `DE`, `pt_BR`…) as a language this shell speaks, else English. */
export function pickLanguage(claim: string | undefined): Language {
  const code = (claim ?? '').slice(0, 2).toLowerCase();
  return code in MESSAGES ? (code as Language) : 'en';
}

export function message(language: Language, key: MessageKey, values: Record<string, string> = {}): string {
  return MESSAGES[language][key].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}
