/** Resolves once `condition()` holds; rejects after `hangMs` (a hang guard, not a timing assertion). */
export async function waitFor(condition: () => boolean, hangMs: number, what: string): Promise<void> {
  const deadline = Date.now() + hangMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${hangMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
