// The benchmarks' figures as an aligned text table (bench/python.mjs, scale.mjs,
// timing.mjs).

/** Prints `title`, then `header` and `rows` in aligned columns. */
export function table(title, header, rows) {
  const all = [header, ...rows].map((r) => r.map(String));
  const w = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  console.log(`\n${title}`);
  for (const [k, r] of all.entries()) {
    console.log(r.map((c, i) => c.padEnd(w[i])).join('  '));
    if (k === 0) console.log(w.map((n) => '-'.repeat(n)).join('  '));
  }
}
