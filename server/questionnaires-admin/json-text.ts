// A definition pasted into a form: parsed, and when it is not JSON, where the mistake is
// (line and column, counted from 1), so the person can find it in a long text.
export type JsonText = { ok: true; value: unknown } | { ok: false; detail: string; line?: number; column?: number };

export function parseJsonText(text: string): JsonText {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const message = (e as Error).message;
    const detail = message.replace(/\s*(in JSON )?at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
    const at = /at position (\d+)/.exec(message);
    if (!at) return { ok: false, detail };
    const before = text.slice(0, Number(at[1]));
    const lines = before.split('\n');
    return { ok: false, detail, line: lines.length, column: lines.at(-1)!.length + 1 };
  }
}
