/** Length in code points, as the wrap counts columns; most text has no surrogate pair to count. */
const codePoints = (text: string) => (/[\ud800-\udfff]/.test(text) ? [...text].length : text.length);

/** Greedy word wrap to `width` columns, each line prefixed by `indent`; words longer than a line are split. */
export function wrapText(text: string, width: number, indent = ''): string[] {
  const room = Math.max(10, width - indent.length);
  const lines: string[] = [];
  let line = '';
  let lineLength = 0;
  for (const word of text.split(' ')) {
    if (word === '') continue;
    let rest = word;
    let restLength = codePoints(rest);
    while (restLength > room) {
      if (line !== '') {
        lines.push(line);
        line = '';
        lineLength = 0;
      }
      const chars = [...rest];
      lines.push(chars.slice(0, room).join(''));
      rest = chars.slice(room).join('');
      restLength -= room;
    }
    if (line === '') {
      line = rest;
      lineLength = restLength;
    } else if (lineLength + 1 + restLength <= room) {
      line += ` ${rest}`;
      lineLength += 1 + restLength;
    } else {
      lines.push(line);
      line = rest;
      lineLength = restLength;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => indent + l);
}
