# range lengths and math.lcm near the 64-bit limits (computed without 128-bit ints).
import math
big = 2**62
for r in [range(0, 10, 3), range(10, 0, -3), range(-big, big, 7), range(big, -big, -5),
          range(-big, big - 1), range(5, 5), range(5, 0), range(0, 5, -1),
          range(-9, 2**63 - 1, 2**62), range(2**63 - 1, -2**63, -2**61)]:
    print(len(r), bool(r))
print(math.lcm(4, 6), math.lcm(2**31 - 1, 2**31), math.lcm(-12, 18, 0), math.lcm())
print(math.lcm(2**40, 3**10), math.lcm(True, 7), math.lcm(2**62, 2**61))
