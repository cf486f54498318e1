t = 0
for i in range(1_000_000):
    t += i % 7
print(t)
