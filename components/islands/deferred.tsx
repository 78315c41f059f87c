'use client';

import { useEffect, useLayoutEffect, useRef, useState, type ComponentType } from 'react';

/**
 * Islands wait for the page (issue 17). An island's code — TanStack Query and the island
 * itself, 20 KB gzip above the framework — is fetched once the page has loaded (its main
 * picture painted) and the browser is idle, never before the first paint. Until then the
 * island is the server's HTML, complete and readable, its links working.
 *
 * How: the server renders the island inside a wrapper element. In the browser, the wrapper
 * first hydrates with no children and `dangerouslySetInnerHTML` (React keeps the server's
 * markup as it is and does not hydrate inside it); when the island's module has come, it
 * renders the island there, from the same props, so the same markup replaces the same markup
 * in one commit and nothing moves. A Suspense boundary around a lazy island would do the same
 * in principle, but React streams a large boundary apart from the page (its HTML then arrives
 * hidden, shown by a script: not what a reader without JavaScript or a crawler must get).
 * A reader who has moved the keyboard focus into the server's markup keeps it: the same link or
 * button of the new markup takes it (found by its place among the island's focusable elements).
 */
let painted: Promise<void> | undefined;

function afterFirstPaint(): Promise<void> {
  painted ??= new Promise<void>((resolve) => {
    const whenIdle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 2000 }) : setTimeout(resolve, 100));
    if (document.readyState === 'complete') whenIdle();
    else addEventListener('load', whenIdle, { once: true });
  });
  return painted;
}

type IslandModule<P> = { default: ComponentType<P> };

/** Keeps the server's markup in place, without hydrating it: React leaves the inner HTML of such an element alone. */
const serverMarkup = { __html: '' };

const focusable = 'a[href], button, input, select, textarea, summary, [tabindex]';

/** The place of the focused element among the wrapper's focusable elements; -1 when the focus is elsewhere. */
function focusedIndex(wrapper: HTMLElement | null): number {
  const active = document.activeElement;
  if (!wrapper || !active || !wrapper.contains(active)) return -1;
  return [...wrapper.querySelectorAll(focusable)].indexOf(active);
}

/**
 * A component that renders an island on the server at once and in the browser after the first
 * paint. `load` imports the island's module (a chunk of its own, fetched when needed);
 * `onServer` is the same module, required on the server only (`typeof window` is a constant in
 * each of Next's builds, so the browser's bundle never holds it).
 */
export function deferIsland<P extends object>(load: () => Promise<IslandModule<P>>, onServer: IslandModule<P> | undefined): ComponentType<P> {
  let loaded: ComponentType<P> | undefined = onServer?.default;
  return function DeferredIsland(props: P) {
    // After a navigation in the browser the module may be there already: render at once.
    const [Island, setIsland] = useState<ComponentType<P> | undefined>(() => loaded);
    const wrapper = useRef<HTMLDivElement>(null);
    const focusToRestore = useRef(-1);
    useEffect(() => {
      if (Island) return;
      let current = true;
      void afterFirstPaint()
        .then(load)
        .then((module) => {
          loaded = module.default;
          if (!current) return;
          focusToRestore.current = focusedIndex(wrapper.current);
          setIsland(() => module.default);
        });
      return () => {
        current = false;
      };
    }, [Island]);
    // Before the browser paints the new markup: the focus goes back where the reader had it.
    useLayoutEffect(() => {
      if (!Island || focusToRestore.current < 0) return;
      const target = wrapper.current?.querySelectorAll<HTMLElement>(focusable)[focusToRestore.current];
      focusToRestore.current = -1;
      if (target && !wrapper.current?.contains(document.activeElement)) target.focus({ preventScroll: true });
    }, [Island]);
    if (Island) {
      return (
        <div ref={wrapper} data-island="" style={{ display: 'contents' }}>
          <Island {...props} />
        </div>
      );
    }
    return <div ref={wrapper} data-island="" style={{ display: 'contents' }} suppressHydrationWarning dangerouslySetInnerHTML={serverMarkup} />;
  };
}
