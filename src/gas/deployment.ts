// Bound script or editor add-on: fixed at build time (`CADEMI_ADDON=1 npm run build` for the add-on).

declare const __ADDON_MODE__: boolean | undefined;

/** True in the editor add-on build: add-on menu, hourly tick (add-ons may not tick more often). */
export const ADDON_MODE: boolean = typeof __ADDON_MODE__ === 'boolean' ? __ADDON_MODE__ : false;

/** Bound scripts tick every 10 minutes; add-on time triggers run at most hourly. */
export const TICK_MINUTES = ADDON_MODE ? 60 : 10;
