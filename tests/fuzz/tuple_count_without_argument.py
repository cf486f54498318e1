# Found by the fuzzer (seed 11): tuple.count() without an argument indexed an empty
# argument list. CPython: TypeError: tuple.count() takes exactly one argument (0 given)
for f in [(1, 2, 2).count, [1, 2, 2].count]:
    try:
        f()
    except TypeError as e:
        print(e)
print((1, 2, 2).count(2), [1, 2, 2].count(2))
