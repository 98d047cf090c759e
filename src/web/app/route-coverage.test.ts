// The accessibility and phone-layout e2e run (e2e/accessibility.e2e.test.ts) opens every page of the
// router: a page added to routes.tsx without an entry in e2e/pages.ts fails here.
import { isValidElement } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { auditedPages, routesNotAudited } from '../../../e2e/pages.ts';
import { appRoutes } from './routes.tsx';

/** Every page's full route pattern ("mistakes/:mistakeId"; "" for an index page), redirects left out. */
function routePatterns(routes: RouteObject[], parent = ''): string[] {
  return routes.flatMap((route) => {
    const path = [parent, route.path ?? ''].filter(Boolean).join('/');
    const own =
      route.index || (route.path !== undefined && !route.children)
        ? isValidElement(route.element) && route.element.type === Navigate
          ? []
          : [path]
        : [];
    return [...own, ...routePatterns(route.children ?? [], path)];
  });
}

describe('route coverage of the accessibility audit', () => {
  it('opens every page of the router, or says why not', () => {
    const patterns = routePatterns(appRoutes());
    expect(patterns).toContain('mistakes/:mistakeId');
    const audited = new Set([...auditedPages.map((p) => p.route), ...Object.keys(routesNotAudited)]);
    expect(patterns.filter((p) => !audited.has(p))).toEqual([]);
  });

  it('lists no page the router does not have', () => {
    const patterns = new Set(routePatterns(appRoutes()));
    expect(auditedPages.map((p) => p.route).filter((r) => !patterns.has(r))).toEqual([]);
  });
});
