import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import fr from '../locales/fr.json';

export const defaultNS = 'translation';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof defaultNS;
    resources: { translation: typeof fr };
  }
}

// French is the only language; resources are bundled, so initialisation is synchronous.
void i18next.use(initReactI18next).init({
  lng: 'fr',
  fallbackLng: 'fr',
  supportedLngs: ['fr'],
  defaultNS,
  resources: { fr: { translation: fr } },
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export const i18n = i18next;
