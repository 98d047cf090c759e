import type { Feature } from '../types.ts';

// The engines feature (owned by the engines web work): the analysis panel, "Check a message",
// guard rules and vocabulary pages. The shell mounts `enginesFeature` inside the signed-in layout.
export const enginesFeature: Feature = { routes: [], navItems: [] };
