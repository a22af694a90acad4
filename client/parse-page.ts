/**
 * Parses a page the server sent, without its inline stylesheet: a parsed document takes this
 * page's CSP, whose nonce is not the new page's, so the browser would log a refused style for
 * every page read this way. The stylesheet is the same on every page and already here.
 */
export function parsePage(html: string): Document {
  return new DOMParser().parseFromString(html.replace(/<style[^>]*>[\s\S]*?<\/style>/, ''), 'text/html');
}
