import random
def tirage():
    return [random.randint(0, 1000) for _ in range(5)]

random.seed(2024)
a = tirage()
random.seed(2024)
b = tirage()
print(a)
print(a == b)
random.seed(0)
print(random.random(), random.random())
random.seed(123)
print(random.sample(["a", "b", "c", "d", "e"], 3))
print(random.choice("abcdef"), random.randint(-5, 5))
print(round(random.uniform(-1, 1), 10))
random.seed(1)
print([random.randint(1, 100) for _ in range(8)])
random.seed(7)
jeu = ["As", "Roi", "Dame", "Valet", "10"]
random.shuffle(jeu)
print(jeu)
print(random.random() < 1.0)
