// Entry point of the dashboard: mounts the App into #root.
// Limits: no service worker, no router library (the URL state is handled in state/).

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import './styles/base.css';
import './styles/tiles.css';
import './styles/cards.css';
import './styles/panels.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
