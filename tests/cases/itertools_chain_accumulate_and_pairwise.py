from itertools import chain, accumulate, pairwise, starmap, compress
import operator

print(list(chain([1, 2], (3,), "ab")))
print(list(chain.from_iterable([[1, 2], [3], []])))
print(list(accumulate([3, 1, 4, 1, 5])))
print(list(accumulate([3, 1, 4, 1, 5], max)))
print(list(accumulate([1, 2, 3], lambda a, b: a * b, initial=10)))
print(list(pairwise("ABCD")), list(pairwise([1])))
print(list(starmap(pow, [(2, 5), (3, 2)])))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
