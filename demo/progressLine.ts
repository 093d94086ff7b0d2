/** Prints a self-updating progress line on a terminal, or a line per step elsewhere. */
export function progressLine(label: string, stream: NodeJS.WriteStream = process.stderr) {
  let lastPercent = -1;
  return (done: number, total: number) => {
    const percent = Math.min(100, Math.floor((done / total) * 100));
    if (percent === lastPercent) return;
    lastPercent = percent;
    const text = `${label}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${percent}%)`;
    if (stream.isTTY) stream.write(`\r${text}${percent === 100 ? '\n' : ''}`);
    else if (percent % 10 === 0) stream.write(`${text}\n`);
  };
}
