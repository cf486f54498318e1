l = [1, 2, 3]
l.append(4); l.extend([5, 6]); l.insert(0, 0); l.insert(-1, 9)
print(l, len(l), l.pop(), l.pop(0), l, l.index(9), l.count(2))
l.remove(9); l.reverse(); print(l)
l.sort(); print(l, sorted(l, reverse=True), sorted(["bb", "a", "ccc"], key=len))
print(l[1:3], l[::-1], l[-2:], l[:-2], l[::2])
l[1:3] = [10, 20, 30]; print(l)
del l[0]; print(l)
del l[::2]; print(l)
l2 = l.copy(); l2.clear(); print(l, l2)
nested = [[1, 2], [3, 4]]
print(nested, nested[1][0], [x for row in nested for x in row], list(zip(*nested)))
t = (1, 2, 3)
print(t, t[1], t[-1], t[1:], len(t), t + (4,), t * 2, (1,), (), tuple([1, 2]), t.index(2), t.count(1))
a, b, c = t
print(a, b, c)
a, *rest = [1, 2, 3, 4]; *init, last = "abc"; x, (y, z) = 1, (2, 3)
print(a, rest, init, last, x, y, z)
print([1, 2] == [1, 2], [1, 2] < [1, 3], (1, 2) < (1, 2, 0), [1] * 3, [[0] * 2] * 2, 2 in [1, 2])
print(list(range(5)), list(range(2, 10, 3)), list(range(10, 0, -3)), range(5), len(range(0, 10, 3)), range(10)[2:5])
print(list(enumerate("abc")), list(enumerate("ab", 1)), list(zip([1, 2, 3], "ab")), list(reversed([1, 2, 3])))
print(any([0, 0, 1]), all([1, 1, 0]), any([]), all([]), sum(range(101)), max([1, 5, 3], key=lambda v: -v))
print(list(map(str, [1, 2])), list(map(lambda a, b: a + b, [1, 2], [10, 20])), list(filter(None, [0, 1, 2, ""])))
squares = [i * i for i in range(6) if i % 2 == 0]
print(squares, [(i, j) for i in range(2) for j in range(2)], [[j for j in range(i)] for i in range(3)])
l = [3, 1, 2]
l.sort(key=lambda v: v, reverse=True)
print(l, [1, 2, 3][-1], list(x * 2 for x in range(3)))
