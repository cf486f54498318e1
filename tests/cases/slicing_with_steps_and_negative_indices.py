s = "abcdefghij"
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3])
print(s[::2], s[1::3], s[::-1], s[-2:2:-2])
print(s[100:], s[-100:2], repr(s[5:2]))
l = list(range(10))
print(l[::3], l[-1], l[-4:-1])
l[2:5] = ["x", "y"]
print(l)
del l[::2]
print(l)
t = (1, 2, 3, 4)
print(t[1:3], t[::-1])
l2 = [0] * 6
l2[1::2] = [7, 8, 9]
print(l2)
print("bonjour"[1:-1:2])
