import random
random.seed(99)
print(random.randint(0, 2 ** 40))
print(random.randint(0, 10 ** 20))
print(random.getrandbits(8), random.getrandbits(64))
print(random.randrange(1000000))
print(random.sample(range(10 ** 9), 3))
print(random.choice(range(1, 1000)))
print([round(random.uniform(0, 100), 3) for _ in range(3)])
