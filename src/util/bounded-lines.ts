/** A non-empty line and its 1-based number in the file. */
export interface NumberedLine {
  text: string;
  number: number;
}

/**
 * Splits a byte stream into lines without ever holding more than `maxLineBytes` of one line: a file without
 * newlines (a decompression bomb, /dev/zero) fails as soon as a line is too long, where readline would buffer it
 * whole first. Empty lines are counted but not yielded, so a flood of newlines costs a byte scan, not a turn of
 * the event loop each. Splitting bytes at 0x0A is safe in UTF-8 (no multi-byte sequence contains it); a trailing
 * \r is dropped, so CRLF files read the same.
 */
export async function* boundedLines(input: AsyncIterable<Buffer>, maxLineBytes: number, tooLong: (lineNumber: number) => Error): AsyncGenerator<NumberedLine> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let number = 0;
  for await (const chunk of input) {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a, start); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      number++;
      if (nl === start && pendingBytes === 0) {
        start++;
        continue;
      }
      const piece = chunk.subarray(start, nl);
      start = nl + 1;
      if (pendingBytes + piece.length > maxLineBytes) throw tooLong(number);
      const line = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
      pending = [];
      pendingBytes = 0;
      const text = decode(line);
      if (text !== '') yield { text, number };
    }
    if (start < chunk.length) {
      pendingBytes += chunk.length - start;
      if (pendingBytes > maxLineBytes) throw tooLong(number + 1);
      pending.push(chunk.subarray(start));
    }
  }
  const text = decode(Buffer.concat(pending));
  if (text !== '') yield { text, number: number + 1 };
}

function decode(line: Buffer): string {
  const end = line.length > 0 && line[line.length - 1] === 0x0d ? line.length - 1 : line.length;
  return line.toString('utf8', 0, end);
}
