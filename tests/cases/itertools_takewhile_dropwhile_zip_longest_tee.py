from itertools import takewhile, dropwhile, filterfalse, zip_longest, tee

data = [1, 4, 6, 4, 1]
print(list(takewhile(lambda x: x < 5, data)))
print(list(dropwhile(lambda x: x < 5, data)))
print(list(filterfalse(lambda x: x % 2, range(10))))
print(list(zip_longest("ABCD", "xy", fillvalue="-")))
print(list(zip_longest([1, 2], [3])))
a, b = tee(iter([1, 2, 3]))
print(next(a), next(a), list(b), list(a))
