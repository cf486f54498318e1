for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("impair", i)

for n in range(2, 12):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "est premier")

i = 0
while i < 3:
    i += 1
else:
    print("while terminé sans break, i =", i)

while True:
    i -= 1
    if i == 0:
        break
print("fin", i)
