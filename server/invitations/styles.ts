// The few rules the code and the QR need beyond the shared staff stylesheet.
export const INVITATION_CSS = `
.invitation-code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:1.5rem;font-weight:700;letter-spacing:.08em;word-spacing:.3em}
.qr svg{display:block;width:15rem;max-width:100%;height:auto;margin:0 0 1rem}
`;
