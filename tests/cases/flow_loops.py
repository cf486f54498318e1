for i in range(5):
    if i == 1:
        continue
    if i == 3:
        break
    print("for", i)
else:
    print("not printed")
for i in range(2):
    pass
else:
    print("for else", i)
n = 0
while n < 10:
    n += 3
    if n == 6:
        continue
    print("while", n)
else:
    print("while else")
while True:
    n -= 1
    if n < 5:
        break
print("n", n)
for i, c in enumerate("ab"):
    for j in range(3):
        if j == 1:
            break
        print(i, c, j)
total = 0
for x in [1, 2, 3]:
    total += x
print(total)
i = 0
while i < 3:
    try:
        if i == 1:
            continue
        print("try", i)
    finally:
        print("finally", i)
        i += 1
for k in range(3):
    try:
        if k == 2:
            break
    finally:
        print("cleanup", k)
if n > 100:
    print("big")
elif n > 3:
    print("medium")
else:
    print("small")
print("done" if n else "zero")
