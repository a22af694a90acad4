// Where the builder's pages are.
export const BUILDER = '/staff/builder';
export const draftPath = (slug: string) => `${BUILDER}/${slug}`;
