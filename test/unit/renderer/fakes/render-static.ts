import type { ReactNode } from 'react';
import { prerender } from 'react-dom/static';

/**
 * Renders a tree to HTML once everything in it has loaded, lazy screens included (which
 * renderToStaticMarkup would show as their Suspense fallback). Effects do not run, so this is markup
 * only. React's hydration comments (Suspense boundaries, text separators) are left out, so the HTML
 * reads as renderToStaticMarkup's would.
 */
export async function renderStatic(node: ReactNode): Promise<string> {
  const { prelude } = await prerender(node);
  const html = await new Response(prelude).text();
  return html.replace(/<!--(?: |\$|\/\$)-->/g, '');
}
