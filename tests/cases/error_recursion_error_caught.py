import sys

def infini(n):
    return infini(n + 1) + 1

try:
    infini(0)
except RecursionError as e:
    print("RecursionError :", e)
print(sys.getrecursionlimit())

def profond(n):
    return 0 if n == 0 else 1 + profond(n - 1)

print(profond(500))
