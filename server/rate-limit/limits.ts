/** The respondent journey's limits: generous for a child retrying, tight for a script. */
export const RESPONDENT_LIMITS = {
  /** Opening personal links (/r/{code}) from one address. */
  inviteCodePerAddress: { limit: 30, windowMs: 10 * 60 * 1000 },
  /** Looking at open-link introductions from one address (language switches included). */
  openLinkViewPerAddress: { limit: 120, windowMs: 10 * 60 * 1000 },
  /** Starting an open-link questionnaire from one address. */
  openLinkPerAddress: { limit: 20, windowMs: 60 * 60 * 1000 },
  /**
   * Starting one open link, from everywhere together. Past it the link is under a flood: it
   * does not close, it slows — each network may then start only `openLinkPerAddressUnderLoad`.
   */
  openLinkPerLink: { limit: 600, windowMs: 60 * 60 * 1000 },
  /** Starts per network on a link that is over its hourly total (a child still gets in). */
  openLinkPerAddressUnderLoad: { limit: 2, windowMs: 60 * 60 * 1000 },
} as const;
