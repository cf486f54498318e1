# A pure-Python loop of 1 000 000 iterations doing a little arithmetic:
# the interpreter's raw speed, no asyncio.
import time

N = 1_000_000

debut = time.perf_counter()
total = 0
for i in range(N):
    total += i % 7 * 2 + 1
duree = time.perf_counter() - debut
assert total == 6999994
print(f"loop_1m: {N} iterations in {duree * 1000:.0f} ms ({duree / N * 1e9:.0f} ns per iteration), total={total}")
