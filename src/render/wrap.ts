/** Greedy word wrap to `width` columns, each line prefixed by `indent`; words longer than a line are split. */
export function wrapText(text: string, width: number, indent = ''): string[] {
  const room = Math.max(10, width - indent.length);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    let rest = word;
    while ([...rest].length > room) {
      if (line !== '') {
        lines.push(line);
        line = '';
      }
      const chars = [...rest];
      lines.push(chars.slice(0, room).join(''));
      rest = chars.slice(room).join('');
    }
    if (line === '') line = rest;
    else if ([...line].length + 1 + [...rest].length <= room) line += ` ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => indent + l);
}
