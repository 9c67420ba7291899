import { addMessages } from '../lib/i18n/locales';
import en from '../translations/dashboard/en.json';

// What only the team-lead dashboard says (src/translations/dashboard/): the sidebar's bundle carries none of it. One
// chunk per language, as the sidebar's own.
addMessages(en, {
  de: () => import('../translations/dashboard/de.json'),
  fr: () => import('../translations/dashboard/fr.json'),
  es: () => import('../translations/dashboard/es.json'),
  'pt-BR': () => import('../translations/dashboard/pt-BR.json'),
  nl: () => import('../translations/dashboard/nl.json'),
  it: () => import('../translations/dashboard/it.json'),
});
