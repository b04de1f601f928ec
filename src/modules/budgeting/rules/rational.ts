// Exact rational numbers on BigInt: the reference implementation (pabutools) computes every
// budget share, payment and ratio exactly, and a float can flip a comparison that decides a tie.
export class Rational {
  private constructor(readonly num: bigint, readonly den: bigint) {}

  static of(num: bigint, den = 1n): Rational {
    if (den === 0n) throw new RangeError('division by zero');
    if (den < 0n) [num, den] = [-num, -den];
    const g = gcd(num < 0n ? -num : num, den);
    return g > 1n ? new Rational(num / g, den / g) : new Rational(num, den);
  }

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  static int(n: number | bigint): Rational {
    return new Rational(BigInt(n), 1n);
  }

  /** "12", "-3", "12.50", "12,50" (a decimal comma) or "7/3"; null for anything else. */
  static parse(text: string): Rational | null {
    const s = text.trim().replace(',', '.');
    const fraction = /^(-?\d+)\/(\d+)$/.exec(s);
    if (fraction) return fraction[2] === '0' || /^0+$/.test(fraction[2]!) ? null : Rational.of(BigInt(fraction[1]!), BigInt(fraction[2]!));
    const decimal = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
    if (!decimal) return null;
    const digits = decimal[3] ?? '';
    const num = BigInt(`${decimal[2]}${digits}`) * (decimal[1] ? -1n : 1n);
    return Rational.of(num, 10n ** BigInt(digits.length));
  }

  add(o: Rational): Rational {
    return this.den === o.den ? Rational.of(this.num + o.num, this.den) : Rational.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Rational): Rational {
    return this.den === o.den ? Rational.of(this.num - o.num, this.den) : Rational.of(this.num * o.den - o.num * this.den, this.den * o.den);
  }
  mul(o: Rational): Rational {
    return Rational.of(this.num * o.num, this.den * o.den);
  }
  div(o: Rational): Rational {
    return Rational.of(this.num * o.den, this.den * o.num);
  }
  cmp(o: Rational): -1 | 0 | 1 {
    const left = this.num * o.den;
    const right = o.num * this.den;
    return left < right ? -1 : left > right ? 1 : 0;
  }
  lt(o: Rational) { return this.cmp(o) < 0; }
  le(o: Rational) { return this.cmp(o) <= 0; }
  gt(o: Rational) { return this.cmp(o) > 0; }
  ge(o: Rational) { return this.cmp(o) >= 0; }
  eq(o: Rational) { return this.cmp(o) === 0; }
  isZero() { return this.num === 0n; }
  min(o: Rational): Rational { return this.le(o) ? this : o; }

  /** An integer as itself, a terminating decimal as a decimal, anything else as "num/den". */
  toString(): string {
    if (this.den === 1n) return this.num.toString();
    let den = this.den;
    let twos = 0n;
    let fives = 0n;
    while (den % 2n === 0n) { den /= 2n; twos++; }
    while (den % 5n === 0n) { den /= 5n; fives++; }
    if (den !== 1n) return `${this.num}/${this.den}`;
    const places = twos > fives ? twos : fives;
    const scaled = (this.num * 10n ** places) / this.den;
    const negative = scaled < 0n;
    const digits = (negative ? -scaled : scaled).toString().padStart(Number(places) + 1, '0');
    return `${negative ? '-' : ''}${digits.slice(0, -Number(places))}.${digits.slice(-Number(places))}`;
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

export const sum = (values: Iterable<Rational>) => {
  let total = Rational.ZERO;
  for (const v of values) total = total.add(v);
  return total;
};
