import sys

# A power of two far past any machine word, and a product of two big numbers.
x = 2 ** (10 ** 6)
print(x.bit_length(), x % 1000003)
y = 3 ** 20000
print((y * y).bit_length(), (y * y) % 999983, (y * (y + 1)) % 999983)
print((-5) ** 3, (-2) ** 101 % 1000, 7 ** 0)
print(-7 >> 1, (-2 ** 100) >> 3, (-(2 ** 100) - 1) >> 3, 5 << 100)

print(sys.get_int_max_str_digits())
for n in (10 ** 4299, 10 ** 4300 - 1, -(10 ** 4300 - 1), 10 ** 4300, 2 ** (10 ** 6)):
    try:
        s = str(n)
        print("ok", len(s))
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int("7" * 4301)
except ValueError as e:
    print(e)
print(len(hex(2 ** 20000)), f"{10 ** 5000:x}"[:6])
try:
    print(f"{10 ** 5000:d}")
except ValueError as e:
    print("format:", e)
for bad in (5, 639, -1):
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as e:
        print(bad, e)
sys.set_int_max_str_digits(640)
print(sys.get_int_max_str_digits(), len(str(10 ** 639)))
try:
    str(10 ** 640)
except ValueError as e:
    print(e)
sys.set_int_max_str_digits(maxdigits=0)
print(len(str(3 ** 20000)), str(3 ** 20000)[-10:])
