// Types of Vite's client features the dashboard uses (CSS imports, import.meta.env).
// Limits: declarations only.

/// <reference types="vite/client" />
