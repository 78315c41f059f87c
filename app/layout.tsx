import type { ReactNode } from 'react';

/**
 * A pass-through: the document (<html lang dir>) is rendered by app/[edition]/layout.tsx so
 * that it speaks the edition's language; app/not-found.tsx renders its own document.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
