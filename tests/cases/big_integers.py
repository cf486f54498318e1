import math
print(2 ** 100)
print(math.factorial(30))
print(2 ** 64 - 1, -(2 ** 63))
print(10 ** 30 // 7, 10 ** 30 % 7)
print(3 ** 200 % 1000)
x = 1
for i in range(1, 26):
    x *= i
print(x, len(str(x)))
print(int("123456789012345678901234567890") * 2)
print(hex(2 ** 70), bin(2 ** 10))
print(abs(-10 ** 25))
print(pow(2, 100, 1000007))
print(7 ** 0, 0 ** 0)
