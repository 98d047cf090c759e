import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';

/** A link in the app's side navigation. */
export interface NavItem {
  label: string;
  path: string;
  icon?: ComponentType<{ size?: number | string }>;
}

/** What a feature folder plugs into the signed-in app shell: its pages and its navigation links. */
export interface Feature {
  /** Child routes of the signed-in layout (paths relative to "/", e.g. "check"). */
  routes: RouteObject[];
  navItems: NavItem[];
}
