/**
 * Reads a service's configuration from the environment once, collecting every bad variable so
 * the operator sees all of them in one error instead of fixing them one restart at a time.
 */
export class EnvReader {
  private readonly problems: string[] = [];

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  string(name: string, options: { default?: string; pattern?: RegExp; minLength?: number } = {}): string {
    const value = this.env[name] ?? options.default;
    if (value === undefined || value === '') {
      this.problems.push(`${name} is required`);
      return '';
    }
    if (options.pattern && !options.pattern.test(value)) this.problems.push(`${name} must match ${options.pattern}`);
    if (options.minLength && value.length < options.minLength)
      this.problems.push(`${name} must be at least ${options.minLength} characters`);
    return value;
  }

  optionalString(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value === '' ? undefined : value;
  }

  int(name: string, options: { default: number; min?: number; max?: number }): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return options.default;
    const value = Number(raw);
    if (!Number.isInteger(value)) {
      this.problems.push(`${name} must be an integer, got "${raw}"`);
      return options.default;
    }
    if (options.min !== undefined && value < options.min) this.problems.push(`${name} must be ≥ ${options.min}`);
    if (options.max !== undefined && value > options.max) this.problems.push(`${name} must be ≤ ${options.max}`);
    return value;
  }

  optionalInt(name: string, options: { min?: number; max?: number } = {}): number | undefined {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return undefined;
    return this.int(name, { default: 0, ...options });
  }

  /** Throws one error naming every bad variable; returns the config otherwise. */
  done<T>(config: T): T {
    if (this.problems.length > 0) throw new Error(`invalid configuration:\n  - ${this.problems.join('\n  - ')}`);
    return config;
  }
}
