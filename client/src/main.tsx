import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The shared stylesheet first: components' and features' own styles come after it and refine it.
import './styles.css';
import { App } from './app/app';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
