d = {1: 1, 2: 2}
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    print(e)
s = {1, 2, 3}
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print(e)
d = {1: 1, 2: 2}
for k in d:
    d[k] = 5
print(d)
it = iter(d)
next(it)
d[9] = 9
for i in range(2):
    try:
        next(it)
    except RuntimeError as e:
        print(e)
