l = [3, 1, 4]
l.append(1)
l.extend([5, 9])
l.insert(0, 2)
l.insert(100, 6)
print(l)
print(l.pop(), l.pop(0), l)
l.remove(1)
print(l, l.index(4), l.count(1), l.count(42))
l.sort()
print(l)
l.sort(reverse=True)
print(l)
mots = ["banane", "Kiwi", "abricot", "figue"]
mots.sort(key=len)
print(mots)
mots.sort(key=str.lower)
print(mots)
print(sorted(mots, key=lambda m: m[-1], reverse=True))
l.reverse()
print(l, l[::-1])
c = l.copy()
c.clear()
print(c, l, [1, 2] + [3], [0] * 3)
print(5 in l, min(l), max(l), sum(l))
try:
    l.remove(42)
except ValueError as e:
    print(e)
try:
    [].pop()
except IndexError as e:
    print(e)
