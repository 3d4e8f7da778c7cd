/** Progress of a long download on stderr: rewritten in place on a terminal, a line every 10% otherwise. */
export class Progress {
  private lastDecile = -1;
  private lastDrawn = 0;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number): void {
    if (this.total < 2_000) return;
    const percent = Math.floor((done / this.total) * 100);
    const text = `${this.label}: ${done}/${this.total} (${percent}%)`;
    if (this.stream.isTTY) {
      const now = Date.now();
      if (now - this.lastDrawn < 200 && done < this.total) return;
      this.lastDrawn = now;
      this.stream.write(`\r${text}${done >= this.total ? '\n' : ''}`);
      return;
    }
    const decile = Math.floor(percent / 10);
    if (decile !== this.lastDecile) {
      this.lastDecile = decile;
      this.stream.write(`${text}\n`);
    }
  }
}
