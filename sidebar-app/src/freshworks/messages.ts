import { addMessages } from '../lib/i18n/locales';
import en from '../translations/freshworks/en.json';

// What only the Freshworks build says (src/translations/freshworks/): that the page is outside Freshdesk, and what
// Freshdesk does not let an app set. One chunk per language, as the sidebar's own.
addMessages(en, {
  de: () => import('../translations/freshworks/de.json'),
  fr: () => import('../translations/freshworks/fr.json'),
  es: () => import('../translations/freshworks/es.json'),
  'pt-BR': () => import('../translations/freshworks/pt-BR.json'),
  nl: () => import('../translations/freshworks/nl.json'),
  it: () => import('../translations/freshworks/it.json'),
});
