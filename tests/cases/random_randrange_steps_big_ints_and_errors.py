# randrange with steps, randint and getrandbits on big ints, and the errors of empty ranges (CPython 3.11 wording).
import random
random.seed(5)
print(random.randrange(10, 0, -3), random.randrange(-5, 5, 2), random.randint(-10**30, 10**30), random.getrandbits(100), random.getrandbits(0), random.randrange(2**70, 2**71, 2**65))
for bad in [(5, 5), (0,), (1, 10, 0), (10, 1, 2)]:
    try:
        random.randrange(*bad)
    except ValueError as e:
        print(e)
try:
    random.getrandbits(-1)
except ValueError as e:
    print(e)
import random
random.seed(2**100 + 7)
print(random.random(), random.randint(1, 6))
random.seed(-(10**30))
print(random.random())
