// Web-address names for a service and its areas (/s/{slug}/…, /you-said-we-did/{slug}),
// made from the names people type. Service and area slugs share one address space.

/** "St. Mary's & North" → "st-marys-north"; `fallback` when nothing usable is left. */
export function slugify(name: string, fallback = 'area'): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || fallback;
}

/** Slugs for the names in order, each different from the others and from `taken`. */
export function distinctSlugs(names: string[], taken: string[] = []): string[] {
  const used = new Set(taken);
  return names.map((name) => {
    const base = slugify(name);
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  });
}
