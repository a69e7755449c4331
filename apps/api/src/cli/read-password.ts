import { createInterface } from 'node:readline';

/**
 * The password from DISPATCH_PASSWORD, else from standard input: typed at a terminal without echo, or the first
 * line of a pipe.
 */
export async function readPassword(fromEnv: string | undefined, prompt: string): Promise<string> {
  if (fromEnv !== undefined) return fromEnv;
  const input = process.stdin;
  if (!input.isTTY) {
    let text = '';
    for await (const chunk of input) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? '';
  }
  const rl = createInterface({ input, output: process.stdout, terminal: true });
  process.stdout.write(prompt);
  // Typed characters are not echoed.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}
