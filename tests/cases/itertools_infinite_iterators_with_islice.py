from itertools import count, cycle, repeat, islice

print(list(islice(count(), 5)))
print(list(islice(count(10, 2.5), 4)))
print(list(islice(cycle("AB"), 5)))
print(list(repeat("x", 3)), list(zip(range(3), repeat(0))))
print(list(islice("abcdefgh", 2, 7, 2)), list(islice(range(10), 3)))
try:
    islice("abc", -1)
except ValueError as e:
    print(e)
