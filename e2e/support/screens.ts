/**
 * What a test checks differs by screen: its layout, what is visible, what a tap reaches. Such
 * tests run on the phone as well as the desktop (playwright.config.ts: the phone project runs
 * only these); everything else — what the server answers, in each edition — runs once, on the
 * desktop (issue 28).
 */
export const onEveryScreen = { tag: '@screen' } as const;
