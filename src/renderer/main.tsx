import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { api } from './api/client';
import { App } from './app/App';
import { i18n, initialLocale } from './i18n';
import './styles/app.css';

api.locale = initialLocale();
document.documentElement.lang = api.locale;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);
