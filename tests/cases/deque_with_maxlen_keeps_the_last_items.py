from collections import deque

derniers = deque(maxlen=3)
for i in range(6):
    derniers.append(i)
    print(list(derniers))
print(derniers, derniers.maxlen)
derniers.appendleft(99)
print(derniers)
historique = deque("abcdef", 2)
print(historique)
