/**
 * Messages for shared forms, errors and formatting. zh-CN is the reference; `en` is typed against it so
 * no key is missing. Kept apart from the core catalog so each area owns its
 * own file.
 */
export const zh = {} as const;

/** English messages for the same keys. */
export const en: Record<keyof typeof zh, string> = {};
