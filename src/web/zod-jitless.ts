import { z } from 'zod';

// Zod 4 probes whether it may compile parsers with `new Function` the first time it parses an
// object. Under the app's Content-Security-Policy (script-src 'self', no 'unsafe-eval') that probe
// is refused and reported as a CSP violation, although zod catches it. The web app tells zod up
// front not to try (jitless); imported first by main.tsx, before any schema is parsed.
z.config({ jitless: true });
