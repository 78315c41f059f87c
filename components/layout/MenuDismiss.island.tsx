'use client';

import { useEffect } from 'react';

/**
 * Closes the phone menu (a <details>, which opens and closes from its own button without any
 * JavaScript) as readers expect a menu to close: with Escape, the focus going back to its
 * button, and with a tap or click anywhere outside it. Renders nothing.
 */
export function MenuDismiss({ menuId }: { menuId: string }) {
  useEffect(() => {
    const openMenu = () => {
      const menu = document.getElementById(menuId);
      return menu instanceof HTMLDetailsElement && menu.open ? menu : null;
    };
    const onKey = (event: KeyboardEvent) => {
      const menu = openMenu();
      if (event.key !== 'Escape' || !menu) return;
      menu.open = false;
      menu.querySelector('summary')?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      const menu = openMenu();
      if (menu && event.target instanceof Node && !menu.contains(event.target)) menu.open = false;
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [menuId]);
  return null;
}
